/** The HR dashboard's figures (issue 15): facts in, one series per chart out. */
export * from './facts.js';
export * from './aggregate.js';
export * from './figures.js';
export * from './performance-rows.js';
export * from './period.js';
