// The fields of Twilio's messaging webhooks that the inbox reads. Twilio adds fields without notice, so every other
// field is ignored (never refused); the signature still covers them all.
import { z } from 'zod';
import { firstValues, formEntries, type FormParams } from '../form-params.js';
import {
  InvalidWebhookError,
  type DeliveryStatus,
  type InboundMedia,
  type InboundSms,
  type StatusUpdate,
} from '../provider.js';

/**
 * Twilio's message statuses (Message resource) in the inbox's terms. `sending` has not left Twilio yet; `read` (a
 * read receipt, on channels that have them) comes after `delivered` and says no more for an inbox; a `canceled`
 * scheduled message will never go. Inbound statuses (receiving, received) are not delivery reports.
 */
const DELIVERY_STATUS: Readonly<Record<string, DeliveryStatus>> = {
  accepted: 'queued',
  scheduled: 'queued',
  queued: 'queued',
  sending: 'queued',
  sent: 'sent',
  delivered: 'delivered',
  read: 'delivered',
  undelivered: 'undelivered',
  failed: 'failed',
  canceled: 'failed',
};

/** The inbox's status for a Twilio status, or null for one it does not track. */
export const deliveryStatusOf = (twilioStatus: string): DeliveryStatus | null =>
  Object.hasOwn(DELIVERY_STATUS, twilioStatus) ? DELIVERY_STATUS[twilioStatus]! : null;

const required = z.string().trim().min(1);
const optional = z
  .string()
  .trim()
  .transform((value) => value || undefined)
  .optional();

const InboundFields = z.object({
  MessageSid: required,
  From: required,
  To: required,
  Body: z.string().default(''),
});
const StatusFields = z.object({
  MessageSid: required,
  MessageStatus: required,
  ErrorCode: optional,
  // Not among the documented status callback fields; read when a channel sends it.
  ErrorMessage: optional,
});
const MediaUrl = z.url({ protocol: /^https?$/ });

function fieldsOf<T extends z.ZodType>(schema: T, params: FormParams, what: string): z.infer<T> {
  const parsed = schema.safeParse(firstValues(params));
  if (parsed.success) return parsed.data;
  const missing = [...new Set(parsed.error.issues.map((issue) => String(issue.path[0])))];
  throw new InvalidWebhookError(`This is not a Twilio ${what}: ${missing.join(', ')} missing or empty.`);
}

/** Every MediaUrl{N} with its MediaContentType{N}, in the order of N. */
function mediaOf(params: FormParams): InboundMedia[] {
  const fields = firstValues(params);
  const indexes = formEntries(params)
    .map(([name]) => /^MediaUrl(\d+)$/.exec(name)?.[1])
    .filter((index): index is string => index !== undefined);
  return [...new Set(indexes)]
    .sort((a, b) => Number(a) - Number(b))
    .map((index) => {
      const url = MediaUrl.safeParse(fields[`MediaUrl${index}`]);
      if (!url.success) throw new InvalidWebhookError(`MediaUrl${index} is not an http(s) URL.`);
      return { url: url.data, contentType: fields[`MediaContentType${index}`] || 'application/octet-stream' };
    });
}

/** The text in an incoming message webhook. */
export function parseTwilioInbound(params: FormParams): InboundSms {
  const fields = fieldsOf(InboundFields, params, 'incoming message');
  return {
    providerMessageId: fields.MessageSid,
    from: fields.From,
    to: fields.To,
    body: fields.Body,
    media: mediaOf(params),
  };
}

/** The delivery report in a status callback; null for a status the inbox does not track. */
export function parseTwilioStatus(params: FormParams): StatusUpdate | null {
  const fields = fieldsOf(StatusFields, params, 'status callback');
  const status = deliveryStatusOf(fields.MessageStatus);
  if (!status) return null;
  return {
    providerMessageId: fields.MessageSid,
    status,
    ...(fields.ErrorCode && { errorCode: fields.ErrorCode }),
    ...(fields.ErrorMessage && { errorMessage: fields.ErrorMessage }),
  };
}
