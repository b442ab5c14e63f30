// The visitor channel: the widget on a customer's site <-> server, at VISITOR_SOCKET_PATH?siteKey=…
import { z } from 'zod';
import { ClientIdSchema, IdSchema, TimestampSchema } from '../model/ids.js';
import { LocaleSchema } from '../model/playbook.js';
import {
  AttachmentIdsSchema,
  hasWordsOrFiles,
  MessageCaptionSchema,
  WORDS_OR_FILES,
} from '../model/message.js';
import { COMMON_SERVER_FRAMES, PingFrameSchema, ResumeSchema } from './frames.js';
import { PageViewSchema } from './page-view.js';
import {
  VisitorReadMovedFrameSchema,
  VisitorReadSchema,
  VisitorTypingFrameSchema,
  VisitorTypingSchema,
} from './receipts.js';

/** The widget's look for one site: the bot's name and avatar, and the site's default language. */
export const WidgetSiteSchema = z.object({
  botName: z.string(),
  botAvatarUrl: z.string().nullable(),
  locale: LocaleSchema,
  /** Agents see what the visitor types before sending (the widget's privacy note says so). */
  typingPreview: z.boolean().optional(),
});
export type WidgetSite = z.infer<typeof WidgetSiteSchema>;

/**
 * Who the host page says the visitor is (`LiveChat('identify', …)`): `signature` is the hex HMAC-SHA256 of
 * `${userId}:${expiresAt}` (expiresAt in Unix seconds) made by the site's backend with the site's identity secret.
 */
export const VisitorIdentitySchema = z.object({
  userId: z.string().min(1).max(200),
  email: z.string().max(320).optional(),
  name: z.string().max(200).optional(),
  expiresAt: z.number().int(),
  signature: z.string().max(128),
});
export type VisitorIdentity = z.infer<typeof VisitorIdentitySchema>;

/**
 * visitor -> server, first frame of every connection. Without `token` the server issues a new visitor.
 * `v` is checked before the rest, so an unsupported version gets its own close code.
 */
export const VisitorHelloSchema = z.object({
  type: z.literal('hello'),
  v: z.number().int(),
  token: z.string().min(16).max(128).optional(),
  resume: ResumeSchema.optional(),
  /**
   * The language the widget speaks to this visitor (the bot's texts follow it where the playbook has them); absent:
   * the server reads the browser's Accept-Language. An unknown one reads as absent.
   */
  locale: LocaleSchema.optional().catch(undefined),
  /**
   * A verified identity makes this connection the identified contact's (their conversations on every device). A
   * malformed one reads as null: like a forged one, it is ignored with an `identity_not_verified` error frame, never
   * a closed socket.
   */
  identity: VisitorIdentitySchema.nullable().catch(null).optional(),
});
export type VisitorHello = z.infer<typeof VisitorHelloSchema>;

/** visitor -> server: post a message; starts a conversation when the visitor has no open one. */
export const VisitorMessageSendSchema = z
  .object({
    type: z.literal('message.send'),
    id: ClientIdSchema,
    /** The words, or the caption of `attachments` (then it may be empty). */
    body: MessageCaptionSchema,
    /** Files uploaded first (POST …/files), sent together; each can be sent once. */
    attachments: AttachmentIdsSchema.optional(),
  })
  .refine(hasWordsOrFiles, WORDS_OR_FILES);
export type VisitorMessageSend = z.infer<typeof VisitorMessageSendSchema>;

/**
 * visitor -> server: the visitor opened the chat. Starts a conversation (and the site's playbook) unless one is
 * open already; acked either way. The bot's messages then arrive as `message.created`.
 */
export const ConversationStartSchema = z.object({
  type: z.literal('conversation.start'),
  id: ClientIdSchema,
});
export type ConversationStart = z.infer<typeof ConversationStartSchema>;

export const VisitorClientFrameSchema = z.discriminatedUnion('type', [
  VisitorHelloSchema,
  VisitorMessageSendSchema,
  ConversationStartSchema,
  PageViewSchema,
  VisitorTypingSchema,
  VisitorReadSchema,
  PingFrameSchema,
]);
export type VisitorClientFrame = z.infer<typeof VisitorClientFrameSchema>;

/**
 * server -> visitor, answer to `hello`. `token` is present only when a new visitor was issued;
 * the widget stores it. `conversationId` is the visitor's open conversation, if any. After `welcome`
 * the server replays the messages after the resume position (or the visitor's recent conversations, see `history`).
 */
export const VisitorWelcomeSchema = z.object({
  type: z.literal('welcome'),
  v: z.number().int(),
  visitorId: IdSchema,
  token: z.string().optional(),
  conversationId: IdSchema.nullable(),
  /** The server's clock (epoch ms), so the widget can count down `waiting.until` on a skewed device clock. */
  serverTime: TimestampSchema.optional(),
  /** Whether at least one agent is available now; later changes come as `presence`. */
  online: z.boolean().optional(),
  /** How the site's widget presents itself (from its playbook). */
  site: WidgetSiteSchema.optional(),
  /**
   * The visitor's conversations whose messages follow this welcome, oldest first (the open one, if any, last):
   * on a fresh connection their recent ones, so closed conversations stay readable; on a resume the resumed one
   * and any newer. Every message is replayed, in pages, before live events. Absent from older servers.
   */
  history: z.array(IdSchema).optional(),
});
export type VisitorWelcome = z.infer<typeof VisitorWelcomeSchema>;

/** server -> visitor: whether at least one agent is available changed. */
export const PresenceFrameSchema = z.object({ type: z.literal('presence'), online: z.boolean() });
export type PresenceFrame = z.infer<typeof PresenceFrameSchema>;

export const VisitorServerFrameSchema = z.discriminatedUnion('type', [
  VisitorWelcomeSchema,
  PresenceFrameSchema,
  VisitorTypingFrameSchema,
  VisitorReadMovedFrameSchema,
  ...COMMON_SERVER_FRAMES,
]);
export type VisitorServerFrame = z.infer<typeof VisitorServerFrameSchema>;
