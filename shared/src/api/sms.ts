// The SMS settings page ("SMS / Text messages", admins only): the provider account, the site's number, the switch,
// and what troubleshooting needs (webhook URLs, the last inbound webhook and whether its signature verified).
import { z } from 'zod';
import { IdSchema, TimestampSchema } from '../model/ids.js';

/** The paths the provider posts to; the settings page shows them under the server's public URL. */
export const SMS_WEBHOOK_PATHS = {
  messages: '/webhooks/twilio/messages',
  status: '/webhooks/twilio/status',
} as const;

/** The help text a contact gets for HELP when the site has not written its own. */
export const DEFAULT_SMS_HELP_TEXT =
  'You are texting our team. Reply STOP to stop receiving texts, START to receive them again.';

/**
 * `not_configured`: no provider account (banner); `disconnected`: an account but no number; `paused`: a number with
 * the Enabled switch off (no sending); `connected`: a number, sending.
 */
export const SmsStatusSchema = z.enum(['not_configured', 'disconnected', 'paused', 'connected']);
export type SmsStatus = z.infer<typeof SmsStatusSchema>;

export const SmsAccountSchema = z.object({
  /** `environment`: TWILIO_* variables (read-only on the page); `settings`: entered by an admin. */
  source: z.enum(['environment', 'settings']),
  accountSid: z.string(),
  /** The last four characters of the auth token behind dots; the token itself is never sent back. */
  authTokenHint: z.string(),
  apiBaseUrl: z.string(),
});
export type SmsAccount = z.infer<typeof SmsAccountSchema>;

export const SmsSettingsSchema = z.object({
  status: SmsStatusSchema,
  /** The provider account, or null when none is configured (the banner says what to do). */
  account: SmsAccountSchema.nullable(),
  /** The site's connected number (E.164), or null. */
  number: z.string().nullable(),
  /** Off pauses sending; inbound texts still arrive. */
  enabled: z.boolean(),
  /** What a contact gets for HELP. */
  helpText: z.string(),
  /** The team whose queue texts go to (its routing applies); null for everyone's Unassigned. */
  teamId: IdSchema.nullable().default(null),
  /** Paste these into the provider's console for a number whose webhooks are set by hand. */
  webhookUrls: z.object({ messages: z.string(), status: z.string() }),
  /** The last webhook the provider sent (any site), and whether its signature verified. */
  lastWebhook: z
    .object({ at: TimestampSchema, signatureValid: z.boolean(), kind: z.enum(['messages', 'status']) })
    .nullable(),
  /** The last inbound text this site's number received. */
  lastInboundAt: TimestampSchema.nullable(),
});
export type SmsSettings = z.infer<typeof SmsSettingsSchema>;
export const SmsSettingsBodySchema = z.object({ sms: SmsSettingsSchema });

export const SmsNumberSchema = z.object({ phoneNumber: z.string(), friendlyName: z.string() });
export type SmsNumber = z.infer<typeof SmsNumberSchema>;
export const SmsNumberListBodySchema = z.object({ numbers: z.array(SmsNumberSchema) });

const E164_MESSAGE = 'Choose a number in international format, like +14155550100.';

/** Save: connect (or switch to) a number, flip the Enabled switch, edit the help text; absent fields stay. */
export const UpdateSmsSettingsBodySchema = z
  .object({
    number: z
      .string()
      .trim()
      .regex(/^\+[1-9]\d{1,14}$/, E164_MESSAGE)
      .optional(),
    enabled: z.boolean().optional(),
    helpText: z.string().trim().min(1, 'Write the help text.').max(320).optional(),
    teamId: IdSchema.nullable().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'Nothing to change.');
export type UpdateSmsSettingsBody = z.infer<typeof UpdateSmsSettingsBodySchema>;

/** The provider account entered on the page (when TWILIO_* variables do not set it). */
export const SmsAccountBodySchema = z.object({
  accountSid: z
    .string()
    .trim()
    .regex(/^AC[0-9a-fA-F]{32}$/, 'The Account SID starts with AC followed by 32 hexadecimal characters.'),
  /** Absent: keep the stored token (the page never has it). */
  authToken: z.string().trim().min(8, 'Paste the auth token from the Twilio console.').max(200).optional(),
  apiBaseUrl: z.url({ protocol: /^https?$/, error: 'Enter an http(s) URL.' }).optional(),
});
export type SmsAccountBody = z.infer<typeof SmsAccountBodySchema>;
export const SmsAccountResponseSchema = z.object({ account: SmsAccountSchema });

/** A number texts can go out from, for every agent's "New message" (From). */
export const SmsSenderSchema = z.object({
  siteId: z.string(),
  siteName: z.string(),
  /** E.164. */
  number: z.string(),
  /** False while an admin paused sending (the Enabled switch). */
  enabled: z.boolean(),
});
export type SmsSender = z.infer<typeof SmsSenderSchema>;
export const SmsSenderListBodySchema = z.object({ senders: z.array(SmsSenderSchema) });
