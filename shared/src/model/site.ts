import { z } from 'zod';
import { IdSchema, TimestampSchema } from './ids.js';

/** A web address pasted whole ("https://Shop.example.com/products?x=1") reduced to its origin; anything else as is. */
function toOrigin(value: string): string {
  if (!/^https?:\/\/./i.test(value)) return value;
  try {
    return new URL(value).origin;
  } catch {
    return value;
  }
}

/** An origin as browsers send it: scheme://host[:port], no path. A full address is cut down to its origin. */
export const OriginSchema = z
  .string('Enter an origin like https://example.com.')
  .trim()
  .overwrite(toOrigin)
  .max(200, 'Use at most 200 characters.')
  .regex(/^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i, 'Enter an origin like https://example.com.');

export const SiteSchema = z.object({
  id: IdSchema,
  key: z.string(),
  name: z.string(),
  allowedOrigins: z.array(OriginSchema),
  /** Agents (not only admins) see the Bot folder: conversations only the bot has handled. */
  botFolderForAgents: z.boolean().default(false),
  /** Agents may reopen closed chats ("Reopen"); off by default: closed is for good. */
  allowReopen: z.boolean().default(false),
  /** Agents see what the visitor is typing before they send it (the widget's privacy note says so); off by default. */
  typingPreview: z.boolean().default(false),
  createdAt: TimestampSchema,
});
export type Site = z.infer<typeof SiteSchema>;
