import { z } from 'zod';
import { LIMITS } from '../protocol/constants.js';
import { ClientIdSchema, IdSchema, SeqSchema, TimestampSchema } from './ids.js';
import { AnswerKindSchema, QuestionInputSchema, StepIdSchema } from './playbook.js';
import { AttachmentSchema, MAX_ATTACHMENTS } from './attachment.js';
import { RichTextSchema } from './rich-text.js';
import { BROKEN_CHARACTER_MESSAGE, isWellFormedText } from './text.js';

/** `bot`: the site's playbook speaking; `system`: an event in the timeline (an agent joined, the wait began). */
export const AuthorKindSchema = z.enum(['visitor', 'agent', 'bot', 'system']);
export type AuthorKind = z.infer<typeof AuthorKindSchema>;

export const MessageBodySchema = z
  .string()
  .max(LIMITS.maxMessageLength)
  .refine((s) => s.trim().length > 0, 'must not be empty')
  .refine(isWellFormedText, BROKEN_CHARACTER_MESSAGE);

/** A caption beside attachments: may be empty (a message then needs at least one file). */
export const MessageCaptionSchema = z
  .string()
  .max(LIMITS.maxMessageLength)
  .refine(isWellFormedText, BROKEN_CHARACTER_MESSAGE);

/** Files uploaded beforehand (by their ids) that a message.send carries. */
export const AttachmentIdsSchema = z.array(IdSchema).min(1).max(MAX_ATTACHMENTS);

/** A message needs words or files: a send with neither is refused on `body`. */
export const hasWordsOrFiles = (frame: { body: string; attachments?: readonly string[] | undefined }) =>
  frame.body.trim().length > 0 || (frame.attachments?.length ?? 0) > 0;
export const WORDS_OR_FILES = { message: 'must not be empty', path: ['body'] };

/**
 * What a bot or system message shows, beyond its plain-text `body` (which every message has, for previews, the
 * dashboard and text-only channels). Receivers that do not know a `type` show the body.
 */
export const MessageContentSchema = z.discriminatedUnion('type', [
  /**
   * A playbook message in rich text. `away`: the bot's offline message (nobody from the team is there to answer),
   * so the widget stops telling the visitor the team is online.
   */
  z.object({ type: z.literal('rich'), text: RichTextSchema, away: z.literal(true).optional() }),
  /** The bot asks; the next visitor message is the answer, checked by `input` (and `choices`). */
  z.object({
    type: z.literal('question'),
    stepId: StepIdSchema,
    text: RichTextSchema,
    input: QuestionInputSchema,
    choices: z.array(z.string()).optional(),
  }),
  /**
   * The visitor's answer did not fit the question's `input` (or, for `name`, did not look like a person's name);
   * the widget says so in its own language.
   */
  z.object({ type: z.literal('invalid_answer'), input: AnswerKindSchema }),
  /** The conversation waits in Unassigned for an agent until `until` (epoch ms, server clock). */
  z.object({ type: z.literal('waiting'), until: TimestampSchema }),
  /** An agent took the conversation: from now on the widget shows their name instead of the bot's. */
  z.object({ type: z.literal('agent_joined'), agent: z.object({ id: IdSchema, name: z.string() }) }),
  /** The agent left the conversation (handed it on, unassigned or deactivated); the widget stops showing their name. */
  z.object({ type: z.literal('agent_left'), agent: z.object({ id: IdSchema, name: z.string() }) }),
  /** The team closed the conversation; the visitor's next message starts a new one. */
  z.object({ type: z.literal('closed') }),
]);
export type MessageContent = z.infer<typeof MessageContentSchema>;

/** Where a text the team sent by SMS is: the provider's reports, never going backwards. */
export const DeliveryStatusSchema = z.enum(['queued', 'sent', 'delivered', 'undelivered', 'failed']);
export type DeliveryStatus = z.infer<typeof DeliveryStatusSchema>;
export const DeliverySchema = z.object({
  status: DeliveryStatusSchema,
  /** Why it was not delivered, in words (the provider's reason); null otherwise. */
  error: z.string().nullable(),
});
export type Delivery = z.infer<typeof DeliverySchema>;

export const MessageSchema = z.object({
  id: IdSchema,
  conversationId: IdSchema,
  seq: SeqSchema,
  /** The command id the author's client sent it with; null for system messages. */
  clientId: ClientIdSchema.nullable(),
  author: z.object({
    kind: AuthorKindSchema,
    id: IdSchema.nullable(),
    name: z.string(),
  }),
  body: z.string(),
  /** Absent on plain messages. */
  content: MessageContentSchema.optional(),
  createdAt: TimestampSchema,
  /** Files sent with it, in the order they were attached; `body` is then their caption (possibly empty). */
  attachments: z.array(AttachmentSchema).optional(),
  /** A message sent to an SMS contact: its delivery. Absent on the web channel and on inbound texts. */
  delivery: DeliverySchema.optional(),
});
export type Message = z.infer<typeof MessageSchema>;
