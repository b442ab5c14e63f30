// Zod-free playbook helpers shared by the widget, the dashboard and the server.
export * from './answers.js';
export * from './branches.js';
export * from './localize.js';
