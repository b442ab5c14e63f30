import { z } from 'zod';
import { IdSchema, SeqSchema, TimestampSchema } from './ids.js';

export const ConversationStatusSchema = z.enum(['open', 'closed']);
export type ConversationStatus = z.infer<typeof ConversationStatusSchema>;

/** `web`: the widget; `sms`: text messages through the site's connected number. */
export const ChannelSchema = z.enum(['web', 'sms']);
export type Channel = z.infer<typeof ChannelSchema>;

export const ConversationSchema = z.object({
  id: IdSchema,
  /** Short human-readable number, unique across the install (#1, #2, …). */
  number: z.number().int().positive(),
  siteId: IdSchema,
  visitorId: IdSchema,
  visitorName: z.string(),
  channel: ChannelSchema,
  status: ConversationStatusSchema,
  assigneeId: IdSchema.nullable(),
  /** The team whose queue it waits in (its members see it until one of them takes it); null for everyone's. */
  teamId: IdSchema.nullable().default(null),
  /** Seq of the newest message; 0 when there is none. */
  lastSeq: SeqSchema,
  lastMessagePreview: z.string().nullable(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
  closedAt: TimestampSchema.nullable(),
  /** When the conversation reached the agents' inbox (the Live Chat card, or the end of the playbook); null while only the bot talks. */
  queuedAt: TimestampSchema.nullable().default(null),
  /** The visitor waits for an agent until then; null when nobody waits. */
  waitingUntil: TimestampSchema.nullable().default(null),
  /** Nobody was available or nobody took it in time, so the offline flow ran (a lead to follow up). */
  missedAt: TimestampSchema.nullable().default(null),
  /** When the visitor first wrote in this conversation; null while they have only opened the chat. */
  visitorWroteAt: TimestampSchema.nullable().default(null),
  /** Labels agents put on the conversation. */
  tags: z.array(z.string()).default([]),
  /** An agent started it from a contact ("New"); otherwise the contact did (a web chat, a text). */
  startedByAgent: z.boolean().default(false),
});

export const TagSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(32)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} _-]*$/u, 'letters, digits, spaces, "-" and "_"');
export type Conversation = z.infer<typeof ConversationSchema>;
