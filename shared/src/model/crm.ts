// What agents capture from a chat: the side panel's details, and the leads and deals created from them.
import { z } from 'zod';
import { IdSchema, TimestampSchema } from './ids.js';

/** ISO 4217 codes the side panel offers; the default is the first. */
export const CURRENCIES = ['EUR', 'USD', 'GBP', 'TRY', 'CHF'] as const;
export const CurrencySchema = z.enum(CURRENCIES);
export type Currency = z.infer<typeof CurrencySchema>;

/** Money as a decimal string with at most 2 decimals ("1250", "99.90"), so no float ever rounds a price. */
export const AmountSchema = z
  .string()
  .trim()
  .regex(/^\d{1,12}(\.\d{1,2})?$/, 'Enter a number like 1250 or 99.90.');

export const MoneySchema = z.object({ amount: AmountSchema, currency: CurrencySchema });
export type Money = z.infer<typeof MoneySchema>;

/** A calendar date, YYYY-MM-DD. */
export const DateSchema = z.iso.date('Enter a date like 2026-12-31.');

const text = (max: number) => z.string().trim().max(max);
const optionalEmail = z.union([
  z.literal(''),
  z.string().trim().toLowerCase().max(254).pipe(z.email('Enter a valid email address.')),
]);
const optionalPhone = z.union([
  z.literal(''),
  z
    .string()
    .trim()
    .max(40)
    .refine(
      (v) => /^\+?\d{6,15}$/.test(v.replace(/[\s().\-/]/g, '')),
      'Enter a phone number like +386 40 123 456.',
    ),
]);

/**
 * The side panel of a conversation. Empty strings are "not given". Contact fields are the visitor's (pre-filled
 * from the playbook's answers, shared by all their conversations); the rest belong to this conversation.
 */
export const ConversationDetailsSchema = z.object({
  dealValue: MoneySchema.nullable(),
  expectedCloseDate: DateSchema.nullable(),
  contactName: text(100),
  email: optionalEmail,
  phone: optionalPhone,
  organizationName: text(200),
  organizationAddress: text(500),
  note: text(5000),
});
export type ConversationDetails = z.infer<typeof ConversationDetailsSchema>;

export const RecordKindSchema = z.enum(['lead', 'deal']);
export type RecordKind = z.infer<typeof RecordKindSchema>;

/** A lead or a deal, linked to the conversation, its contact (the visitor) and the organization. */
export const CrmRecordSchema = z.object({
  id: IdSchema,
  kind: RecordKindSchema,
  title: z.string(),
  /** Required for a deal. */
  value: MoneySchema.nullable(),
  expectedCloseDate: DateSchema.nullable(),
  conversationId: IdSchema,
  conversationNumber: z.number().int().positive(),
  contact: z.object({ id: IdSchema, name: z.string(), email: z.string(), phone: z.string() }),
  organization: z.object({ id: IdSchema, name: z.string(), address: z.string() }).nullable(),
  note: z.string(),
  createdBy: z.object({ id: IdSchema, name: z.string() }),
  createdAt: TimestampSchema,
});
export type CrmRecord = z.infer<typeof CrmRecordSchema>;

/** An entry of a conversation's timeline that only agents see: notes and what happened to the conversation. */
export const ActivityKindSchema = z.enum([
  'note',
  'assigned',
  'unassigned',
  'closed',
  'reopened',
  'lead_created',
  'deal_created',
  'tags_changed',
  /** Another contact was merged into this conversation's contact: {mergedContactId}. */
  'contact_merged',
]);
export type ActivityKind = z.infer<typeof ActivityKindSchema>;

export const ActivitySchema = z.object({
  id: IdSchema,
  conversationId: IdSchema,
  kind: ActivityKindSchema,
  /** Who did it; null when the system did. */
  actor: z.object({ id: IdSchema, name: z.string() }).nullable(),
  /** The note, or a plain-text description ("Ann assigned this conversation to Ben"). */
  text: z.string(),
  /** assigned: {assigneeId, assigneeName}; lead/deal_created: {recordId, title}; tags_changed: {tags}. */
  data: z.record(z.string(), z.unknown()).nullable(),
  createdAt: TimestampSchema,
});
export type Activity = z.infer<typeof ActivitySchema>;

/** An answer template agents insert by typing "/" and its shortcut in the reply box. */
export const SavedReplySchema = z.object({
  id: IdSchema,
  shortcut: z.string(),
  body: z.string(),
  /** An agent's own reply, seen by nobody else (not even admins); false for the team's, which admins manage. */
  personal: z.boolean().default(false),
  updatedAt: TimestampSchema,
});
export type SavedReply = z.infer<typeof SavedReplySchema>;

/** Which desktop notifications an agent wants; all on by default. */
export const NotificationSettingsSchema = z.object({
  newChat: z.boolean(),
  assignedToMe: z.boolean(),
  newMessage: z.boolean(),
  sound: z.boolean(),
});
export type NotificationSettings = z.infer<typeof NotificationSettingsSchema>;
export const DEFAULT_NOTIFICATION_SETTINGS: NotificationSettings = {
  newChat: true,
  assignedToMe: true,
  newMessage: true,
  sound: false,
};
