// Finding a text Twilio already accepted, for an outbox that lost the answer to its send (it crashed, or the
// connection broke, after Twilio created the message). The caller lists the messages from one number to one person;
// here the list is narrowed to the one this attempt would have created.
import { z } from 'zod';
import { SmsTemporaryError, type SentQuery } from '../provider.js';

/** Twilio stamps `date_created` to the second, and its clock is not ours: a text this much before `since` counts. */
export const CLOCK_SKEW_MS = 5_000;

// Twilio's fields are nullable throughout; only a message without a sid or status is not a message.
const ListedMessage = z.object({
  sid: z.string().min(1),
  status: z.string(),
  body: z.string().nullish(),
  date_created: z.string().nullish(),
});
export type ListedMessage = z.infer<typeof ListedMessage>;

/** One page of the Message list (`GET …/Messages.json`). */
export const MessagesPage = z.object({ messages: z.array(ListedMessage) });

/**
 * The newest listed message with the query's text, created no earlier than `since` (less the clock skew), that the
 * inbox does not already know; null when none is. To and From are the list's filters, so they are not checked here.
 */
export function newestMatch(messages: readonly ListedMessage[], query: SentQuery): ListedMessage | null {
  let newest: { message: ListedMessage; createdAt: number } | null = null;
  for (const message of messages) {
    if ((message.body ?? '') !== query.body || query.exclude.has(message.sid)) continue;
    const createdAt = Date.parse(message.date_created ?? '');
    // Without a date the text cannot be told from an earlier one; guessing either way could send twice or never.
    if (Number.isNaN(createdAt))
      throw new SmsTemporaryError(
        'bad_response',
        `Twilio listed message ${message.sid} without a readable creation date (${message.date_created ?? 'none'}).`,
      );
    if (createdAt < query.since - CLOCK_SKEW_MS) continue;
    // The list is newest first already; the comparison keeps that order for texts created in the same second.
    if (!newest || createdAt > newest.createdAt) newest = { message, createdAt };
  }
  return newest?.message ?? null;
}
