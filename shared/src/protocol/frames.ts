// Frames common to both channels. Every frame is a JSON object discriminated on `type`.
import { z } from 'zod';
import { ErrorCode, PROTOCOL_VERSION } from './constants.js';
import { ClientIdSchema, IdSchema, SeqSchema } from '../model/ids.js';
import { MessageSchema } from '../model/message.js';

const errorCodes = Object.values(ErrorCode) as [ErrorCode, ...ErrorCode[]];

/** Where a client wants to pick up a conversation: replay every message with seq > afterSeq. */
export const ResumeSchema = z.object({
  conversationId: IdSchema,
  afterSeq: SeqSchema,
});
export type Resume = z.infer<typeof ResumeSchema>;

/** client -> server: keep-alive; the server answers `pong`. */
export const PingFrameSchema = z.object({ type: z.literal('ping') });

/** server -> client: answer to `ping`. */
export const PongFrameSchema = z.object({ type: z.literal('pong') });

/** server -> client: the command with this id was carried out (and stored, for writes). */
export const AckFrameSchema = z.object({
  type: z.literal('ack'),
  id: ClientIdSchema,
  /** For `message.send`: the stored message (the same one on a resend). */
  message: MessageSchema.optional(),
  /** For `conversation.start`: the visitor's open conversation. */
  conversationId: IdSchema.optional(),
});
export type AckFrame = z.infer<typeof AckFrameSchema>;

/** server -> client: a command failed (id set) or a frame could not be read (id absent). */
export const ErrorFrameSchema = z.object({
  type: z.literal('error'),
  id: z.string().optional(),
  code: z.enum(errorCodes),
  message: z.string(),
});
export type ErrorFrame = z.infer<typeof ErrorFrameSchema>;

/** server -> both: a message was stored in a conversation the receiver may see. */
export const MessageCreatedFrameSchema = z.object({
  type: z.literal('message.created'),
  message: MessageSchema,
});
export type MessageCreatedFrame = z.infer<typeof MessageCreatedFrameSchema>;

export const VersionSchema = z.literal(PROTOCOL_VERSION);

/** server -> client frames both channels share; each channel adds its own `welcome` and events. */
export const COMMON_SERVER_FRAMES = [
  AckFrameSchema,
  ErrorFrameSchema,
  MessageCreatedFrameSchema,
  PongFrameSchema,
] as const;
