/** Early warning: explainable rules over the data Dandang holds (issue 15). See docs/warnings.md. */
export * from './types.js';
export * from './policy.js';
export * from './leave-kinds.js';
export * from './trend-test.js';
export * from './kpi-signals.js';
export * from './rating-drop.js';
export * from './absence.js';
export * from './duty-gaps.js';
export * from './suggest.js';
export * from './evaluate.js';
export * from './settings.js';
export * from './week.js';
