// The visitor channel: the widget on a customer's site <-> server, at VISITOR_SOCKET_PATH?siteKey=…
import { z } from 'zod';
import { ClientIdSchema, IdSchema } from '../model/ids.js';
import { MessageBodySchema } from '../model/message.js';
import { COMMON_SERVER_FRAMES, PingFrameSchema, ResumeSchema } from './frames.js';

/**
 * visitor -> server, first frame of every connection. Without `token` the server issues a new visitor.
 * `v` is checked before the rest, so an unsupported version gets its own close code.
 */
export const VisitorHelloSchema = z.object({
  type: z.literal('hello'),
  v: z.number().int(),
  token: z.string().min(16).max(128).optional(),
  resume: ResumeSchema.optional(),
});
export type VisitorHello = z.infer<typeof VisitorHelloSchema>;

/** visitor -> server: post a message; starts a conversation when the visitor has no open one. */
export const VisitorMessageSendSchema = z.object({
  type: z.literal('message.send'),
  id: ClientIdSchema,
  body: MessageBodySchema,
});
export type VisitorMessageSend = z.infer<typeof VisitorMessageSendSchema>;

export const VisitorClientFrameSchema = z.discriminatedUnion('type', [
  VisitorHelloSchema,
  VisitorMessageSendSchema,
  PingFrameSchema,
]);
export type VisitorClientFrame = z.infer<typeof VisitorClientFrameSchema>;

/**
 * server -> visitor, answer to `hello`. `token` is present only when a new visitor was issued;
 * the widget stores it. `conversationId` is the visitor's open conversation, if any. After `welcome`
 * the server replays the messages after the resume position (or the whole open conversation).
 */
export const VisitorWelcomeSchema = z.object({
  type: z.literal('welcome'),
  v: z.number().int(),
  visitorId: IdSchema,
  token: z.string().optional(),
  conversationId: IdSchema.nullable(),
});
export type VisitorWelcome = z.infer<typeof VisitorWelcomeSchema>;

export const VisitorServerFrameSchema = z.discriminatedUnion('type', [
  VisitorWelcomeSchema,
  ...COMMON_SERVER_FRAMES,
]);
export type VisitorServerFrame = z.infer<typeof VisitorServerFrameSchema>;
