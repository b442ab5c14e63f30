import { z } from 'zod';
import { LIMITS } from '../protocol/constants.js';
import { isWellFormedText } from './text.js';

/**
 * Server-made identifiers (UUIDs). What a client sends back as one is looked up in the database, so it must be text
 * the database can hold (no NUL, no lone surrogate): else PostgreSQL refuses the query instead of finding nothing.
 */
export const IdSchema = z.string().min(1).max(64).refine(isWellFormedText, 'not a valid id');

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
