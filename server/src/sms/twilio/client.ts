// Twilio's REST API (2010-04-01), the calls the inbox makes: send a message, find a message already sent, list the
// account's numbers. HTTP Basic auth with the Account SID and auth token; form-encoded requests, JSON answers.
import { z } from 'zod';
import {
  SmsTemporaryError,
  type OutboundSms,
  type ProviderNumber,
  type SendResult,
  type SentQuery,
} from '../provider.js';
import { twilioFailure } from './errors.js';
import { MessagesPage, newestMatch } from './find-sent.js';
import { mediaAuthorizer } from './media-auth.js';
import { deliveryStatusOf } from './webhook-params.js';

export const TwilioCredentials = z.object({
  accountSid: z.string().trim().min(1, 'the Twilio Account SID is required'),
  authToken: z.string().min(1, 'the Twilio auth token is required'),
  /** Where the API answers: Twilio's own by default, the fake's in development and tests. */
  apiBase: z
    .url({ protocol: /^https?$/, error: 'the Twilio API base must be an http(s) URL' })
    .default('https://api.twilio.com')
    .transform((url) => new URL(url).origin),
});
export type TwilioCredentials = z.input<typeof TwilioCredentials>;

export interface TwilioClientOptions {
  /** How long one request may take, connecting included. */
  timeoutMs?: number;
}

const CreatedMessage = z.object({ sid: z.string().min(1), status: z.string() });
const NumbersPage = z.object({
  incoming_phone_numbers: z.array(
    z.object({ sid: z.string(), phone_number: z.string(), friendly_name: z.string() }),
  ),
  next_page_uri: z.string().nullish(),
});

/** Twilio lists newest first; a crashed attempt is among the last few texts to one person from one number. */
const FIND_PAGE_SIZE = 50;

/** Enough for any real account, and a stop for a server that keeps answering with a next page. */
const MAX_PAGES = 100;
const PAGE_SIZE = 100;

export interface TwilioClient {
  sendMessage(message: OutboundSms): Promise<SendResult>;
  findMessage(query: SentQuery): Promise<SendResult | null>;
  listIncomingNumbers(): Promise<ProviderNumber[]>;
  /** The Authorization header for an incoming MMS's media at this URL, or null: see media-auth.ts. */
  mediaAuthorization(url: string): string | null;
}

export function createTwilioClient(
  credentials: TwilioCredentials,
  options: TwilioClientOptions = {},
): TwilioClient {
  const { accountSid, authToken, apiBase: origin } = TwilioCredentials.parse(credentials);
  const timeoutMs = options.timeoutMs ?? 10_000;
  const accountPath = `/2010-04-01/Accounts/${encodeURIComponent(accountSid)}`;
  const authorization = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`;

  /** The answer's JSON on 2xx; otherwise the failure, classified. */
  async function request(url: URL, form?: URLSearchParams): Promise<unknown> {
    let response: Response;
    try {
      response = await fetch(url, {
        method: form ? 'POST' : 'GET',
        headers: { authorization, accept: 'application/json' },
        body: form,
        redirect: 'error',
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'TimeoutError')
        throw new SmsTemporaryError('timeout', `Twilio did not answer within ${timeoutMs / 1000} s.`);
      throw new SmsTemporaryError('network', `Twilio could not be reached (${reasonOf(error)}).`);
    }
    const body: unknown = await response.json().catch(() => undefined);
    if (!response.ok) throw twilioFailure(response.status, body, response.headers.get('retry-after'));
    return body;
  }

  return {
    mediaAuthorization: mediaAuthorizer(origin, authorization),

    async sendMessage({ from, to, body, statusCallbackUrl, mediaUrls = [] }) {
      const form = new URLSearchParams({ To: to, From: from });
      // An MMS of pictures alone has no Body (Twilio takes Body, MediaUrl or both).
      if (body !== '' || mediaUrls.length === 0) form.set('Body', body);
      // One MediaUrl field per picture, in order (Twilio takes up to 10).
      for (const url of mediaUrls) form.append('MediaUrl', url);
      if (statusCallbackUrl) form.set('StatusCallback', statusCallbackUrl);
      const created = CreatedMessage.safeParse(
        await request(new URL(`${accountPath}/Messages.json`, origin), form),
      );
      if (!created.success)
        throw new SmsTemporaryError(
          'bad_response',
          'Twilio answered the send with something other than a message.',
        );
      return {
        providerMessageId: created.data.sid,
        status: deliveryStatusOf(created.data.status) ?? 'queued',
      };
    },

    async findMessage(query) {
      const url = new URL(`${accountPath}/Messages.json`, origin);
      url.search = new URLSearchParams({
        To: query.to,
        From: query.from,
        PageSize: String(FIND_PAGE_SIZE),
      }).toString();
      const page = MessagesPage.safeParse(await request(url));
      if (!page.success)
        throw new SmsTemporaryError(
          'bad_response',
          'Twilio answered the message list with something unexpected.',
        );
      const found = newestMatch(page.data.messages, query);
      return found && { providerMessageId: found.sid, status: deliveryStatusOf(found.status) ?? 'queued' };
    },

    async listIncomingNumbers() {
      const numbers: ProviderNumber[] = [];
      let next: URL | null = new URL(
        `${accountPath}/IncomingPhoneNumbers.json?PageSize=${PAGE_SIZE}`,
        origin,
      );
      for (let page = 0; next && page < MAX_PAGES; page++) {
        const parsed = NumbersPage.safeParse(await request(next));
        if (!parsed.success)
          throw new SmsTemporaryError(
            'bad_response',
            'Twilio answered the number list with something unexpected.',
          );
        for (const number of parsed.data.incoming_phone_numbers)
          numbers.push({
            phoneNumber: number.phone_number,
            friendlyName: number.friendly_name,
            providerId: number.sid,
          });
        next = parsed.data.next_page_uri ? nextPage(parsed.data.next_page_uri, origin) : null;
      }
      return numbers;
    },
  };
}

/** The next page's URL, which must stay on the API's origin: the credentials go with it. */
function nextPage(uri: string, origin: string): URL {
  const url = new URL(uri, origin);
  if (url.origin !== origin)
    throw new SmsTemporaryError('bad_response', 'Twilio pointed the number list at another server.');
  return url;
}

/** What fetch says went wrong underneath (ECONNREFUSED, ENOTFOUND, …). */
function reasonOf(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  if (cause instanceof Error)
    return 'code' in cause && typeof cause.code === 'string' ? cause.code : cause.message;
  return String(cause);
}
