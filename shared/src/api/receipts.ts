// Seen receipts and unread counts over HTTP (the dashboard): read positions of a conversation, the agent's unread
// counts per conversation and folder, reading up to a message, and "Mark as unread".
import { z } from 'zod';
import { IdSchema, SeqSchema, TimestampSchema } from '../model/ids.js';

/** How far someone has read: every message with a seq up to `seq`, at `readAt`. */
export const ReadMarkSchema = z.object({ seq: SeqSchema, readAt: TimestampSchema });
export type ReadMark = z.infer<typeof ReadMarkSchema>;

/**
 * A conversation's read positions as one agent sees them: the visitor's (agents' "Seen"), the team's (the furthest
 * any agent read: the visitor's "Seen") and the agent's own (their unread count). Null: not read yet.
 */
export const ConversationReadsSchema = z.object({
  visitor: ReadMarkSchema.nullable(),
  team: ReadMarkSchema.nullable(),
  mine: ReadMarkSchema.nullable(),
});
export type ConversationReads = z.infer<typeof ConversationReadsSchema>;
export const ConversationReadsBodySchema = z.object({ reads: ConversationReadsSchema });

/** The agent read the conversation up to `seq` (clamped to its last message); positions only move forward. */
export const ReadBodySchema = z.object({ seq: SeqSchema });

/**
 * What is unread for the signed-in agent: contact messages past their position, per open conversation they may see
 * (absent: none), and per folder how many of those conversations are in it (null: a folder they do not have).
 */
export const UnreadBodySchema = z.object({
  unread: z.object({
    conversations: z.record(IdSchema, z.number().int().positive()),
    folders: z.object({
      unassigned: z.number().int(),
      mine: z.number().int(),
      teams: z.number().int(),
      all: z.number().int().nullable(),
      bot: z.number().int().nullable(),
    }),
  }),
});
export type Unread = z.infer<typeof UnreadBodySchema>['unread'];
