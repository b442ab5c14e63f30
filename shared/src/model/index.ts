export * from './ids.js';
export * from './message.js';
export * from './conversation.js';
export * from './agent.js';
export * from './site.js';
