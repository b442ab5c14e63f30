export * from './ids.js';
export * from './message.js';
export * from './conversation.js';
export * from './agent.js';
export * from './site.js';
export * from './rich-text.js';
export * from './playbook.js';
export * from './lead.js';
