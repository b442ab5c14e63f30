// The conversation list's filters besides folder, status, search and assignee (MonoChat's): channel, team, type, a
// tag, a contact attribute and when the conversation was created. All apply together. The rules are `matchesQuery` of
// @livechat/shared/inbox; the server's SQL is property-tested against them.
import { z } from 'zod';
import { ChannelSchema, TagSchema } from '../model/conversation.js';
import { IdSchema, TimestampSchema } from '../model/ids.js';
import { ATTRIBUTE_KEY_MAX, ATTRIBUTE_VALUE_MAX } from './contact-profiles.js';

/**
 * What kind of conversation it is:
 * - `bot`: only the bot has handled it (never handed to the team, nobody took it);
 * - `live`: a web chat the visitor started that reached the inbox (queued or assigned);
 * - `sms`: an SMS conversation the contact started by texting;
 * - `agent_started`: an agent started it from a contact ("New").
 */
export const ConversationTypeSchema = z.enum(['bot', 'live', 'sms', 'agent_started']);
export type ConversationType = z.infer<typeof ConversationTypeSchema>;

const timestamp = z.coerce.number().pipe(TimestampSchema).optional();

/** The filter fields of the list's querystring (ConversationSearchQuerySchema spreads them). */
export const conversationFilterFields = {
  channel: ChannelSchema.optional(),
  /** A team's id, or "none" for conversations in no team's queue. */
  teamId: z.union([IdSchema, z.literal('none')]).optional(),
  type: ConversationTypeSchema.optional(),
  /** A tag of the conversation or of its contact (the CRM's tags): either matches. */
  tag: TagSchema.optional(),
  /** A contact attribute's name, ignoring case: contacts who have it (with `attributeValue`: that value exactly). */
  attribute: z
    .string()
    .trim()
    .min(1, 'Enter the attribute’s name.')
    .max(ATTRIBUTE_KEY_MAX, `An attribute’s name has at most ${ATTRIBUTE_KEY_MAX} characters.`)
    .optional(),
  attributeValue: z
    .string()
    .trim()
    .max(ATTRIBUTE_VALUE_MAX, `An attribute’s value has at most ${ATTRIBUTE_VALUE_MAX} characters.`)
    .optional(),
  /** When the conversation was created (epoch ms), both ends included. */
  createdFrom: timestamp,
  createdTo: timestamp,
};

interface FilterRanges {
  from?: number | undefined;
  to?: number | undefined;
  createdFrom?: number | undefined;
  createdTo?: number | undefined;
  attribute?: string | undefined;
  attributeValue?: string | undefined;
}

/** Ranges that end before they start, and a value without the attribute it belongs to, in words. */
export function checkFilterRanges(q: FilterRanges, ctx: z.RefinementCtx): void {
  if (q.createdFrom !== undefined && q.createdTo !== undefined && q.createdFrom > q.createdTo)
    ctx.addIssue({
      code: 'custom',
      path: ['createdTo'],
      message:
        'The created date range ends before it starts: pick a “Created to” on or after “Created from”.',
    });
  if (q.from !== undefined && q.to !== undefined && q.from > q.to)
    ctx.addIssue({
      code: 'custom',
      path: ['to'],
      message:
        'The last message date range ends before it starts: pick a “Last message to” on or after “Last message from”.',
    });
  if (q.attributeValue && !q.attribute)
    ctx.addIssue({
      code: 'custom',
      path: ['attribute'],
      message: 'Choose the attribute whose value to match.',
    });
}
