// Ending and reopening conversations: the closing messages admins keep per site (a few built in, in the site's
// language), what "Close chat" sends, and whether a site lets agents reopen closed chats.
import { z } from 'zod';
import { IdSchema, TimestampSchema } from '../model/ids.js';
import { LocaleSchema } from '../model/playbook.js';

/** Longest closing message, in characters: one text message's worth of the provider's limit is plenty. */
export const CLOSING_MESSAGE_MAX = 1000;

export const ClosingMessageSchema = z.object({
  id: IdSchema,
  text: z.string(),
  /** A built-in message's language: listed while the site speaks it. Null: written by an admin, always listed. */
  locale: LocaleSchema.nullable(),
  updatedAt: TimestampSchema,
});
export type ClosingMessage = z.infer<typeof ClosingMessageSchema>;

export const ClosingMessageInputSchema = z.object({
  text: z
    .string('Enter the message.')
    .trim()
    .min(1, 'Enter the message.')
    .max(CLOSING_MESSAGE_MAX, `Use at most ${CLOSING_MESSAGE_MAX.toLocaleString('en')} characters.`),
});
export type ClosingMessageInput = z.input<typeof ClosingMessageInputSchema>;

export const ClosingMessageListBodySchema = z.object({ closingMessages: z.array(ClosingMessageSchema) });
export const ClosingMessageBodySchema = z.object({ closingMessage: ClosingMessageSchema });
/** A site's closing message. */
export const ClosingMessageParamsSchema = z.object({ id: IdSchema, messageId: IdSchema });

/**
 * "Close chat": optionally with one of the site's closing messages, by id (agents pick from what admins wrote; no
 * free text goes out labelled as a closing message). Absent or null: none. An unknown id is 400.
 */
export const CloseConversationBodySchema = z
  .object({ closingMessageId: IdSchema.nullable().optional() })
  .nullish();
export type CloseConversationBody = z.input<typeof CloseConversationBodySchema>;

/** What the conversation's "Close chat" and "Reopen" offer: its site's closing messages, and the reopening rule. */
export const CloseOptionsBodySchema = z.object({
  closingMessages: z.array(ClosingMessageSchema),
  /** The site lets agents reopen closed chats (off by default: closed is for good). */
  reopenAllowed: z.boolean(),
});
export type CloseOptions = z.infer<typeof CloseOptionsBodySchema>;
