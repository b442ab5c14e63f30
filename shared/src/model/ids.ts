import { z } from 'zod';
import { LIMITS } from '../protocol/constants.js';

/** Server-made identifiers (UUIDs). */
export const IdSchema = z.string().min(1).max(64);

/** Client-made command ids: the idempotency key of a command. */
export const ClientIdSchema = z
  .string()
  .min(8)
  .max(LIMITS.maxClientIdLength)
  .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, "_" and "-" only');

/** Epoch milliseconds. */
export const TimestampSchema = z.number().int().nonnegative();

/** Message sequence number inside one conversation: 1, 2, 3, … without gaps. */
export const SeqSchema = z.number().int().nonnegative();
