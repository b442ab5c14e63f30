// Rich text: the tree types, URL rules, the markdown subset editors type, and plain text. Zod-free.
export * from './types.js';
export * from './markdown.js';
export * from './normalize.js';
export * from './plain-text.js';
