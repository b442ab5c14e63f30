export * from './constants.js';
export * from './errors.js';
export * from './frames.js';
export * from './visitor.js';
export * from './page-view.js';
export * from './agent.js';
export * from './receipts.js';
