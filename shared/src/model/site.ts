import { z } from 'zod';
import { IdSchema, TimestampSchema } from './ids.js';

/** An origin as browsers send it: scheme://host[:port], no path. */
export const OriginSchema = z
  .string()
  .max(200)
  .regex(/^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i, 'an origin like https://example.com');

export const SiteSchema = z.object({
  id: IdSchema,
  key: z.string(),
  name: z.string(),
  allowedOrigins: z.array(OriginSchema),
  createdAt: TimestampSchema,
});
export type Site = z.infer<typeof SiteSchema>;
