// Typing indicators and seen receipts on both channels. Typing is relayed, never stored; read positions are stored
// per reader (see server/src/domain/receipts). Both are ephemeral for the client: no id, no ack. The server drops
// typing and read frames beyond its per-connection rate without an answer (the next one carries the newer state).
import { z } from 'zod';
import { IdSchema, SeqSchema, TimestampSchema } from '../model/ids.js';

/** Most characters of a visitor's draft agents see, where the site shares typing previews. */
export const TYPING_PREVIEW_MAX = 200;

/** visitor -> server: typing in their open conversation (`typing: false` when they stopped or sent). */
export const VisitorTypingSchema = z.object({
  type: z.literal('typing'),
  typing: z.boolean(),
  /** The draft; kept (cut to TYPING_PREVIEW_MAX) only where the site shares typing previews, else dropped. */
  text: z.string().max(2000).optional(),
});
export type VisitorTyping = z.infer<typeof VisitorTypingSchema>;

/** visitor -> server: they have seen the conversation's messages up to `seq` (the panel is open and visible). */
export const VisitorReadSchema = z.object({
  type: z.literal('read'),
  conversationId: IdSchema,
  seq: SeqSchema,
});
export type VisitorRead = z.infer<typeof VisitorReadSchema>;

/** agent -> server: typing a reply in a conversation they may see. */
export const AgentTypingSchema = z.object({
  type: z.literal('typing'),
  conversationId: IdSchema,
  typing: z.boolean(),
});

/** agent -> server: they have read the conversation up to `seq` (it is open and the tab visible). */
export const AgentReadSchema = z.object({
  type: z.literal('read'),
  conversationId: IdSchema,
  seq: SeqSchema,
});

/**
 * server -> agent: someone is typing (or stopped) in a conversation the agent may see. `text`: the visitor's draft,
 * only where the site shares typing previews. Receivers forget it after TYPING_EXPIRY_MS without a new frame.
 */
export const AgentTypingFrameSchema = z.object({
  type: z.literal('typing'),
  conversationId: IdSchema,
  from: z.object({ kind: z.enum(['visitor', 'agent']), id: IdSchema, name: z.string() }),
  typing: z.boolean(),
  text: z.string().optional(),
});
export type AgentTypingFrame = z.infer<typeof AgentTypingFrameSchema>;

/** server -> visitor: an agent is typing (or stopped) in their conversation. */
export const VisitorTypingFrameSchema = z.object({
  type: z.literal('typing'),
  conversationId: IdSchema,
  name: z.string(),
  typing: z.boolean(),
});

/** A typing indicator without a new frame for this long is stale (the typist's `false` may have been lost). */
export const TYPING_EXPIRY_MS = 5000;

/**
 * server -> agent: a read position moved in a conversation the agent may see: the visitor's, the team's, or this
 * agent's own (`mine`, e.g. from another tab, or "Mark as unread").
 */
export const AgentReadMovedFrameSchema = z.object({
  type: z.literal('read.moved'),
  conversationId: IdSchema,
  reader: z.enum(['visitor', 'team', 'mine']),
  seq: SeqSchema,
  readAt: TimestampSchema,
});
export type AgentReadMovedFrame = z.infer<typeof AgentReadMovedFrameSchema>;

/** server -> visitor: the team has read their conversation up to `seq` (after the replay on connect, then live). */
export const VisitorReadMovedFrameSchema = z.object({
  type: z.literal('read.moved'),
  conversationId: IdSchema,
  seq: SeqSchema,
  readAt: TimestampSchema,
});
