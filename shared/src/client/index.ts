export * from './reconnecting-client.js';
export * from './socket-like.js';
export * from './client-id.js';
export * from './backoff.js';
export * from './seq-list.js';
