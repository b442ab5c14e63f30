export * from './schemas.js';
export * from './conversation-filters.js';
export * from './sms.js';
export * from './contacts.js';
export * from './contact-profiles.js';
// The zod namespace, for types only (z.input / z.output): the dashboard reaches zod through shared.
export type { z } from 'zod';
export * from './files.js';
export * from './teams.js';
export * from './closing.js';
export * from './installation.js';
export * from './business-hours.js';
export * from './identity.js';
export * from './visitor-context.js';
export * from './receipts.js';
