export * from './schemas.js';
export * from './sms.js';
export * from './contacts.js';
// The zod namespace, for types only (z.input / z.output): the dashboard reaches zod through shared.
export type { z } from 'zod';
export * from './files.js';
export * from './teams.js';
