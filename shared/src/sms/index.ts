// Zod-free SMS text rules shared by the server (inbound and outbound SMS) and the dashboard (composer counter,
// contact phone field).
export * from './segments.js';
export * from './phone.js';
export * from './keywords.js';
