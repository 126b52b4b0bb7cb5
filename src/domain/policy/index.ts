export * from './schema.js';
export * from './presets.js';
export * from './resolve.js';
export * from './facts.js';
export * from './evaluate.js';
export * from './advance.js';
export * from './floor.js';
export * from './retirement.js';
