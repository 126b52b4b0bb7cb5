export * from './org.js';
export * from './reviews.js';
export * from './evidence.js';
export * from './cases.js';
export * from './conduct.js';
export * from './infra.js';
export * from './local.js';
export * from './warnings.js';
