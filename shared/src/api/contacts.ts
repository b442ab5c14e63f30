// Contacts: the people conversations are with (web visitors and SMS contacts), and starting a conversation with one.
import { z } from 'zod';
import { ConversationSchema } from '../model/conversation.js';
import { ClientIdSchema, IdSchema, TimestampSchema } from '../model/ids.js';
import { MessageBodySchema, MessageSchema } from '../model/message.js';
import { SMS_MAX_LENGTH } from '../sms/segments.js';

export const ContactSummarySchema = z.object({
  /** The contact's id (a web visitor's id for people who came through the widget). */
  id: IdSchema,
  siteId: IdSchema,
  name: z.string(),
  email: z.string().nullable(),
  /** The number the contact texts from (E.164, or a short code or sender ID kept as it is), or null. */
  phone: z.string().nullable(),
  /** They texted STOP: nobody may text them until they text START. */
  smsOptedOut: z.boolean(),
  /** They came to the site through the widget: a web chat can be started with them (it waits for their next visit). */
  web: z.boolean(),
  createdAt: TimestampSchema,
  /** Their newest conversation's activity, or when they were created. */
  lastActivityAt: TimestampSchema,
});
export type ContactSummary = z.infer<typeof ContactSummarySchema>;

export const ContactListQuerySchema = z.object({
  /** Matches name, email or phone, ignoring case and the phone's spaces. */
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export const ContactListBodySchema = z.object({ contacts: z.array(ContactSummarySchema) });

/** The profile: the contact and every conversation with them the viewer may see, on every channel, newest first. */
export const ContactBodySchema = z.object({
  contact: ContactSummarySchema,
  conversations: z.array(ConversationSchema),
});

export const NEW_MESSAGE_CHANNELS = ['sms', 'web'] as const;

/**
 * The green "New" button: a first message on a channel, to a contact (`contactId`) or, by text, to a phone number
 * (`to`, which finds or creates the contact). Continues the contact's open conversation on that channel if there is
 * one. On the web it waits in the visitor's chat for their next visit.
 */
export const NewConversationBodySchema = z
  .object({
    siteId: IdSchema,
    channel: z.enum(NEW_MESSAGE_CHANNELS),
    contactId: IdSchema.optional(),
    to: z.string().trim().max(40).optional(),
    clientId: ClientIdSchema,
    body: MessageBodySchema,
  })
  .superRefine((b, ctx) => {
    if (b.channel === 'web') {
      if (b.contactId === undefined || b.to !== undefined)
        ctx.addIssue({ code: 'custom', path: ['contactId'], message: 'Choose the contact to write to.' });
      return;
    }
    if ((b.contactId === undefined) === (b.to === undefined || b.to === ''))
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'Enter the phone number to text.' });
    if (b.body.length > SMS_MAX_LENGTH)
      ctx.addIssue({
        code: 'custom',
        path: ['body'],
        message: `A text message can be at most ${SMS_MAX_LENGTH} characters long.`,
      });
  });
export type NewConversationBody = z.infer<typeof NewConversationBodySchema>;
export const NewConversationResponseSchema = z.object({
  conversation: ConversationSchema,
  message: MessageSchema,
});
