// Contacts as the CRM view of a person: their details, custom attributes, tags and notes (seen beside every
// conversation of theirs), likely duplicates and merging them, the admins' export of everything stored about a
// contact, and the audit log of deletions.
import { z } from 'zod';
import { ActivitySchema } from '../model/crm.js';
import { ConversationSchema, TagSchema } from '../model/conversation.js';
import { IdSchema, TimestampSchema } from '../model/ids.js';
import { MessageSchema } from '../model/message.js';
import { normalizeAddress } from '../sms/phone.js';
import { ContactSummarySchema } from './contacts.js';

export const ATTRIBUTE_KEY_MAX = 40;
export const ATTRIBUTE_VALUE_MAX = 500;
export const MAX_ATTRIBUTES = 50;
/** As many as a conversation takes (TagsBodySchema). */
export const MAX_CONTACT_TAGS = 20;
export const CONTACT_NAME_MAX = 100;
export const CONTACT_NOTE_MAX = 5000;

/** What attribute keys are compared by: "Plan" and "plan" are one attribute. */
export const attributeKeyNorm = (key: string) => key.normalize('NFC').toLowerCase();

/** "Plan" = "Pro". */
export const ContactAttributeSchema = z.object({
  key: z
    .string('Enter a name.')
    .trim()
    .min(1, 'Enter a name for the attribute.')
    .max(ATTRIBUTE_KEY_MAX, `Use at most ${ATTRIBUTE_KEY_MAX} characters for a name.`),
  value: z
    .string('Enter a value.')
    .trim()
    .max(ATTRIBUTE_VALUE_MAX, `Use at most ${ATTRIBUTE_VALUE_MAX} characters for a value.`),
});
export type ContactAttribute = z.infer<typeof ContactAttributeSchema>;

/** The contact's attributes, in order; replaces them all. Names are unique ignoring case. */
export const ContactAttributesBodySchema = z.object({
  attributes: z
    .array(ContactAttributeSchema)
    .max(MAX_ATTRIBUTES, `A contact has at most ${MAX_ATTRIBUTES} attributes.`)
    .superRefine((list, ctx) => {
      const seen = new Set<string>();
      list.forEach((a, index) => {
        const norm = attributeKeyNorm(a.key);
        if (seen.has(norm))
          ctx.addIssue({ code: 'custom', path: [index, 'key'], message: `"${a.key}" is there already.` });
        seen.add(norm);
      });
    }),
});

/** The contact's tags (the conversations' rules: up to 32 letters, digits, spaces, "-" and "_"); replaces them. */
export const ContactTagsBodySchema = z.object({
  tags: z.array(TagSchema).max(MAX_CONTACT_TAGS, `A contact has at most ${MAX_CONTACT_TAGS} tags.`),
});

const ContactEmailSchema = z.union([
  z.literal(''),
  z.string().trim().toLowerCase().max(254).pipe(z.email('Enter a valid email address.')),
]);

/** A phone number (libphonenumber's rules, as for texts), written as E.164; "" clears it. */
const ContactPhoneSchema = z
  .string()
  .trim()
  .max(40, 'This phone number is too long.')
  .transform((text, ctx) => {
    if (text === '') return '';
    const address = normalizeAddress(text);
    if (address.kind === 'e164') return address.value;
    ctx.addIssue({
      code: 'custom',
      message:
        address.kind === 'invalid'
          ? address.reason
          : 'Enter a phone number with its country code, like +386 40 123 456.',
    });
    return z.NEVER;
  });

/** The contact's details; "" clears a field (an empty name shows the generated one, "Visitor 4821"). */
export const ContactDetailsBodySchema = z.object({
  name: z.string().trim().max(CONTACT_NAME_MAX, `Use at most ${CONTACT_NAME_MAX} characters for the name.`),
  email: ContactEmailSchema,
  phone: ContactPhoneSchema,
});
export type ContactDetailsBody = z.input<typeof ContactDetailsBodySchema>;

/** A note about the person, shown beside every conversation of theirs. */
export const ContactNoteSchema = z.object({
  id: IdSchema,
  contactId: IdSchema,
  author: z.object({ id: IdSchema, name: z.string() }),
  body: z.string(),
  createdAt: TimestampSchema,
});
export type ContactNote = z.infer<typeof ContactNoteSchema>;
export const ContactNoteInputSchema = z.object({
  body: z
    .string()
    .trim()
    .min(1, 'Write a note first.')
    .max(CONTACT_NOTE_MAX, `A note has at most ${CONTACT_NOTE_MAX} characters.`),
});
export const ContactNoteBodySchema = z.object({ note: ContactNoteSchema });
export const ContactNoteListBodySchema = z.object({ notes: z.array(ContactNoteSchema) });
export const ContactNoteParamsSchema = z.object({ id: IdSchema, noteId: IdSchema });

/** Why two contacts are likely one person: the same email, or the phone one gave is the number the other texts from. */
export const DuplicateReasonSchema = z.enum(['email', 'phone']);
export const ContactDuplicateSchema = z.object({
  contact: ContactSummarySchema,
  reason: DuplicateReasonSchema,
});
export type ContactDuplicate = z.infer<typeof ContactDuplicateSchema>;

/** The CRM part of a profile. `contactSmsAddress`: the number they text from, which cannot be edited. */
export const ContactCrmBodySchema = z.object({
  /** The details as stored (the editable values: the name they gave, not the generated one). */
  details: z.object({
    name: z.string(),
    email: z.string(),
    phone: z.string(),
    smsAddress: z.string().nullable(),
  }),
  attributes: z.array(ContactAttributeSchema),
  tags: z.array(z.string()),
  notes: z.array(ContactNoteSchema),
  /** Other contacts the viewer may see who are likely the same person. */
  duplicates: z.array(ContactDuplicateSchema),
});
export type ContactCrm = z.infer<typeof ContactCrmBodySchema>;

export const ContactSummaryBodySchema = z.object({ contact: ContactSummarySchema });
export const ContactAttributesResponseSchema = z.object({ attributes: z.array(ContactAttributeSchema) });
export const ContactTagsResponseSchema = z.object({ tags: z.array(z.string()) });

/** "Merge": the other contact (`otherId`) goes into this one. */
export const MergeContactBodySchema = z.object({ otherId: IdSchema });
export const MergeContactResponseSchema = z.object({
  contact: ContactSummarySchema,
  /** The conversations that moved to this contact. */
  movedConversations: z.number().int().nonnegative(),
});

const Row = z.record(z.string(), z.unknown());

/** A file as exported: its row, and its bytes (base64), or null when the bytes are missing. */
export const ExportedFileSchema = z.object({
  id: IdSchema,
  conversationId: IdSchema.nullable(),
  messageId: IdSchema.nullable(),
  name: z.string(),
  mime: z.string(),
  size: z.number().int().nonnegative(),
  createdAt: TimestampSchema,
  base64: z.string().nullable(),
});

/** Everything stored about a contact (GET /api/contacts/:id/export, admins): a data subject's copy. */
export const ContactExportSchema = z.object({
  exportedAt: TimestampSchema,
  contact: ContactSummarySchema.extend({ organization: z.string().nullable() }),
  attributes: z.array(ContactAttributeSchema),
  tags: z.array(z.string()),
  notes: z.array(ContactNoteSchema),
  conversations: z.array(
    z.object({
      conversation: ConversationSchema,
      messages: z.array(MessageSchema),
      activities: z.array(ActivitySchema),
      details: Row,
      answers: z.array(Row),
      smsDeliveries: z.array(Row),
    }),
  ),
  /** Leads and deals that name the contact or one of their conversations. */
  records: z.array(Row),
  files: z.array(ExportedFileSchema),
});
export type ContactExport = z.infer<typeof ContactExportSchema>;

/** The admins' log of what was done to contacts: no personal data of the contact beyond their id. */
export const AuditEntrySchema = z.object({
  id: IdSchema,
  action: z.enum(['contact_deleted']),
  actor: z.object({ id: IdSchema, name: z.string() }),
  contactId: IdSchema,
  conversations: z.number().int().nonnegative(),
  messages: z.number().int().nonnegative(),
  files: z.number().int().nonnegative(),
  createdAt: TimestampSchema,
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
export const AuditListBodySchema = z.object({ entries: z.array(AuditEntrySchema) });
