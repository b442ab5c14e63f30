// Identified visitors: each site's identity secret, with which the site's backend signs `LiveChat('identify', …)`.
// The secret is shown once, in the answer that made it; later reads say only whether one exists and since when.
import { z } from 'zod';
import { TimestampSchema } from '../model/ids.js';

/** What the Embed page reads: never the secret itself. */
export const IdentitySecretStatusSchema = z.object({
  /** When the current secret was made; null when the site has none (identify calls are then all ignored). */
  createdAt: TimestampSchema.nullable(),
});
export type IdentitySecretStatus = z.infer<typeof IdentitySecretStatusSchema>;

/** The answer to generating (or rotating) the secret: the only time it is shown. */
export const IdentitySecretCreatedSchema = z.object({
  /** 64 hex characters; the HMAC-SHA256 key. */
  secret: z.string(),
  createdAt: TimestampSchema,
});
export type IdentitySecretCreated = z.infer<typeof IdentitySecretCreatedSchema>;
