import { z } from 'zod';
import { LIMITS } from '../protocol/constants.js';
import { ClientIdSchema, IdSchema, SeqSchema, TimestampSchema } from './ids.js';

export const AuthorKindSchema = z.enum(['visitor', 'agent', 'system']);
export type AuthorKind = z.infer<typeof AuthorKindSchema>;

export const MessageBodySchema = z
  .string()
  .max(LIMITS.maxMessageLength)
  .refine((s) => s.trim().length > 0, 'must not be empty');

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
  createdAt: TimestampSchema,
});
export type Message = z.infer<typeof MessageSchema>;
