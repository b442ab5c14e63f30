// The agent channel: dashboard <-> server at AGENT_SOCKET_PATH, authenticated by the session cookie.
import { z } from 'zod';
import { ClientIdSchema, IdSchema, SeqSchema } from '../model/ids.js';
import {
  AttachmentIdsSchema,
  hasWordsOrFiles,
  MessageCaptionSchema,
  WORDS_OR_FILES,
  MessageSchema,
} from '../model/message.js';
import { AgentSchema } from '../model/agent.js';
import { ConversationSchema } from '../model/conversation.js';
import { ActivitySchema } from '../model/crm.js';
import { COMMON_SERVER_FRAMES, PingFrameSchema, ResumeSchema } from './frames.js';
import {
  AgentReadMovedFrameSchema,
  AgentReadSchema,
  AgentTypingFrameSchema,
  AgentTypingSchema,
} from './receipts.js';
import { VisitorContextUpdatedFrameSchema } from './page-view.js';

/** agent -> server, first frame. `resume` replays the conversation the agent has open. */
export const AgentHelloSchema = z.object({
  type: z.literal('hello'),
  v: z.number().int(),
  resume: ResumeSchema.optional(),
});
export type AgentHello = z.infer<typeof AgentHelloSchema>;

/** agent -> server: reply in a conversation. */
export const AgentMessageSendSchema = z
  .object({
    type: z.literal('message.send'),
    id: ClientIdSchema,
    conversationId: IdSchema,
    /** The words, or the caption of `attachments` (then it may be empty). */
    body: MessageCaptionSchema,
    /** Files uploaded first (POST …/files), sent together; each can be sent once. */
    attachments: AttachmentIdsSchema.optional(),
  })
  .refine(hasWordsOrFiles, WORDS_OR_FILES);
export type AgentMessageSend = z.infer<typeof AgentMessageSendSchema>;

/** agent -> server: replay a conversation's messages after `afterSeq`, then `ack`. */
export const ConversationWatchSchema = z.object({
  type: z.literal('conversation.watch'),
  id: ClientIdSchema,
  conversationId: IdSchema,
  afterSeq: SeqSchema,
});
export type ConversationWatch = z.infer<typeof ConversationWatchSchema>;

export const AgentClientFrameSchema = z.discriminatedUnion('type', [
  AgentHelloSchema,
  AgentMessageSendSchema,
  ConversationWatchSchema,
  AgentTypingSchema,
  AgentReadSchema,
  PingFrameSchema,
]);
export type AgentClientFrame = z.infer<typeof AgentClientFrameSchema>;

/** server -> agent, answer to `hello`. The dashboard refetches its lists after every welcome. */
export const AgentWelcomeSchema = z.object({
  type: z.literal('welcome'),
  v: z.number().int(),
  agent: AgentSchema,
});
export type AgentWelcome = z.infer<typeof AgentWelcomeSchema>;

/** server -> agent: a conversation the agent may see was created or changed. */
export const ConversationUpdatedFrameSchema = z.object({
  type: z.literal('conversation.updated'),
  conversation: ConversationSchema,
});
export type ConversationUpdatedFrame = z.infer<typeof ConversationUpdatedFrameSchema>;

/** server -> agent: a conversation the agent could see is no longer theirs to see (reassigned to a colleague, or deleted). */
export const ConversationRemovedFrameSchema = z.object({
  type: z.literal('conversation.removed'),
  conversationId: IdSchema,
  /** `deleted`: an admin deleted it for good (absent: it went to a colleague). */
  reason: z.literal('deleted').optional(),
});

/** server -> agent: a note or an event in the agents-only timeline of a conversation they may see. */
export const ActivityCreatedFrameSchema = z.object({
  type: z.literal('activity.created'),
  activity: ActivitySchema,
});

/** server -> agent: a message changed after it was created (an SMS delivery report); replaces it by id. */
export const MessageUpdatedFrameSchema = z.object({
  type: z.literal('message.updated'),
  message: MessageSchema,
});
export type MessageUpdatedFrame = z.infer<typeof MessageUpdatedFrameSchema>;

export const AgentServerFrameSchema = z.discriminatedUnion('type', [
  AgentWelcomeSchema,
  MessageUpdatedFrameSchema,
  ConversationUpdatedFrameSchema,
  ConversationRemovedFrameSchema,
  ActivityCreatedFrameSchema,
  VisitorContextUpdatedFrameSchema,
  AgentTypingFrameSchema,
  AgentReadMovedFrameSchema,
  ...COMMON_SERVER_FRAMES,
]);
export type AgentServerFrame = z.infer<typeof AgentServerFrameSchema>;
