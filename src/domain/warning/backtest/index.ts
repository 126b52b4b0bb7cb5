/** The backtest of the warning rules (issue 15): synthetic organisation, replay, figures. */
export * from './types.js';
export * from './random.js';
export * from './synthetic-org.js';
export * from './replay.js';
