// What the inbox needs from an SMS provider, in the inbox's own words. Twilio is one implementation (./twilio/);
// examples/fake-twilio speaks the same wire contract for development and tests.
import type { FormParams } from './form-params.js';

export type { FormParams } from './form-params.js';

/** A number the account owns and can text from. */
export interface ProviderNumber {
  /** E.164, e.g. +12025550100. */
  phoneNumber: string;
  friendlyName: string;
  /** The provider's id of the number (Twilio: PN…). */
  providerId: string;
}

export interface OutboundSms {
  from: string;
  to: string;
  /** May be empty when the text carries media. */
  body: string;
  /** Where the provider reports the message's delivery status as it changes. */
  statusCallbackUrl?: string;
  /** An MMS: public URLs the provider fetches the media from (images), in order. */
  mediaUrls?: readonly string[];
}

/** Where an outbound message is. A later status never gives way to an earlier one: see `replacesStatus`. */
export type DeliveryStatus = 'queued' | 'sent' | 'delivered' | 'undelivered' | 'failed';

export interface SendResult {
  /** The provider's id of the message (Twilio: SM…); status callbacks name it. */
  providerMessageId: string;
  status: DeliveryStatus;
}

/**
 * What the outbox asks after a send whose answer it never recorded (it crashed, or the connection broke, after the
 * provider may have accepted the text): did this text go out, in this attempt?
 */
export interface SentQuery {
  from: string;
  to: string;
  body: string;
  /** When the attempt began (epoch ms): a text created before it is an earlier one. */
  since: number;
  /** Provider ids of texts the inbox already recorded: none of them is this attempt's. */
  exclude: ReadonlySet<string>;
}

export interface InboundMedia {
  url: string;
  contentType: string;
}

export interface InboundSms {
  providerMessageId: string;
  from: string;
  to: string;
  body: string;
  media: InboundMedia[];
}

export interface StatusUpdate {
  providerMessageId: string;
  status: DeliveryStatus;
  /** The provider's code for a failure (Twilio: 30003 and the like). */
  errorCode?: string;
  errorMessage?: string;
}

/** A webhook request as received: the full public URL it was sent to, its headers (lower-case names), its fields. */
export interface WebhookRequest {
  url: string;
  headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  params: FormParams;
}

export interface SmsProvider {
  /** Every number the account can text from. */
  listNumbers(): Promise<ProviderNumber[]>;
  /** Hands a text to the provider. Throws SmsRefusedError (do not retry) or SmsTemporaryError (retry later). */
  send(message: OutboundSms): Promise<SendResult>;
  /**
   * The newest text the provider holds that matches the query, with its current status; null when there is none, so
   * the text was not accepted and sending it again will not send it twice. Throws as `send` does.
   */
  findSent(query: SentQuery): Promise<SendResult | null>;
  /** Whether the request was signed by the provider; check it before reading anything from it. */
  verifyWebhook(request: WebhookRequest): boolean;
  /**
   * The Authorization header to fetch an inbound MMS's media at this URL with: the account's credentials, only for a
   * URL the provider itself serves (its API's origin; for Twilio also its https hosts). Null for any other URL, so a
   * redirect to a CDN or elsewhere never carries them.
   */
  mediaAuthorization(url: string): string | null;
  /** A text someone sent to one of the account's numbers. Throws InvalidWebhookError. */
  parseInbound(params: FormParams): InboundSms;
  /**
   * A delivery report for a text the inbox sent; null for a status the inbox does not track (one the provider added
   * since, or an inbound message's). Throws InvalidWebhookError.
   */
  parseStatus(params: FormParams): StatusUpdate | null;
}

const STATUS_RANK: Record<DeliveryStatus, number> = {
  queued: 0,
  sent: 1,
  delivered: 2,
  undelivered: 2,
  failed: 2,
};

/** Order of the statuses: queued < sent < the outcomes (delivered, undelivered, failed), which rank alike. */
export const statusRank = (status: DeliveryStatus): number => STATUS_RANK[status];

/**
 * Whether a reported status should replace the recorded one. Reports arrive late, twice and out of order: only a
 * strictly later one counts, so `sent` never overwrites `delivered`, and the first outcome stays.
 */
export const replacesStatus = (recorded: DeliveryStatus, reported: DeliveryStatus): boolean =>
  statusRank(reported) > statusRank(recorded);

/** Why the provider refused a text for good; sending the same text again would be refused again. */
export type RefusalCode =
  'opted_out' | 'invalid_recipient' | 'empty_body' | 'invalid_sender' | 'auth_failed' | 'rejected';

/** The provider's own words for a failure, kept for logs and support. */
export interface ProviderDetail {
  providerCode?: number;
  providerMessage?: string;
}

/** A permanent refusal: `message` is for a person, `code` for the program. */
export class SmsRefusedError extends Error {
  readonly retryable = false;
  readonly providerCode?: number;
  readonly providerMessage?: string;

  constructor(
    readonly code: RefusalCode,
    message: string,
    detail: ProviderDetail = {},
  ) {
    super(message);
    this.name = 'SmsRefusedError';
    this.providerCode = detail.providerCode;
    this.providerMessage = detail.providerMessage;
  }
}

export type TemporaryReason = 'server_error' | 'rate_limited' | 'network' | 'timeout' | 'bad_response';

/** A failure that may pass: the provider was down, busy or out of reach. Try again later. */
export class SmsTemporaryError extends Error {
  readonly retryable = true;
  readonly providerCode?: number;
  readonly providerMessage?: string;
  /** How long the provider asked to wait (Retry-After), when it said. */
  readonly retryAfterMs?: number;

  constructor(
    readonly reason: TemporaryReason,
    message: string,
    detail: ProviderDetail & { retryAfterMs?: number } = {},
  ) {
    super(message);
    this.name = 'SmsTemporaryError';
    this.providerCode = detail.providerCode;
    this.providerMessage = detail.providerMessage;
    this.retryAfterMs = detail.retryAfterMs;
  }
}

/** A webhook body that is not what the provider sends: answer 400 with the message. */
export class InvalidWebhookError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidWebhookError';
  }
}
