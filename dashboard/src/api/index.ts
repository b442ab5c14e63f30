export * from './api-error.js';
export * from './endpoints.js';
