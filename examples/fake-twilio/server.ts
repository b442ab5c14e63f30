// A local stand-in for Twilio Programmable Messaging, for development and tests. It speaks Twilio's wire contract:
// the REST API (send a message, list the account's numbers) with Basic auth and Twilio's error codes, signed status
// callbacks (sending -> sent -> delivered, or undelivered), and signed incoming-message webhooks sent from a "phone"
// page where a person plays the customer.
//
//   tsx examples/fake-twilio/server.ts   (PORT, TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, SMS_INBOUND_WEBHOOK_URL)
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { BodyTooLargeError, readForm, redirect, sendHtml, sendJson, sendText } from './http.js';
import { conversationItems, indexPage, phonePage, phonePath, type PhoneText } from './phone-page.js';
import {
  API_VERSION,
  AUTHENTICATE,
  E164,
  isAuthorized,
  messageResource,
  newSid,
  numbersPage,
  outage,
  refusalOf,
  sendTwilioError,
  type AccountNumber,
} from './rest-api.js';
import { postWebhook, type SentWebhook, type WebhookFields } from './webhooks.js';

export interface FakeNumber {
  phoneNumber: string;
  friendlyName?: string;
}

/** How status callbacks go out: as Twilio sends them, each twice, or last first. */
export type CallbackMode = 'in-order' | 'duplicated' | 'reversed';

export interface FakeTwilioOptions {
  /** 0 (the default): any free port. */
  port?: number;
  host?: string;
  accountSid: string;
  authToken: string;
  /** The account's numbers; two made-up ones by default. */
  numbers?: FakeNumber[];
  /** Where texts from the phone page go (the inbox's incoming-message webhook). */
  inboundWebhookUrl?: string;
  /** The wait before each status callback. */
  callbackDelayMs?: number;
  /** Recipients who texted STOP before the fake started: sends to them are refused with 21610. */
  optedOut?: string[];
  /** Recipients whose texts end `undelivered` with error 30003 (unreachable handset). */
  unreachable?: string[];
  /** The most numbers one page of the number list holds (Twilio's cap is 1000). */
  maxPageSize?: number;
}

/** A message the fake accepted for sending. */
export interface SentMessage {
  sid: string;
  from: string;
  to: string;
  body: string;
  statusCallback?: string;
}

const DEFAULT_NUMBERS: FakeNumber[] = [
  { phoneNumber: '+12025550100', friendlyName: 'Support line' },
  { phoneNumber: '+12025550101', friendlyName: 'Sales line' },
];

// Twilio's default opt-out and opt-in keywords (a text that is only the keyword).
const OPT_OUT = new Set(['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT']);
const OPT_IN = new Set(['START', 'YES', 'UNSTOP']);

export class FakeTwilio {
  readonly url: string;
  /** Every message accepted for sending, in order. */
  readonly sent: SentMessage[] = [];
  readonly statusCallbacks: SentWebhook[] = [];
  readonly inboundWebhooks: SentWebhook[] = [];
  /** Recipients who opted out: texting STOP from the phone page adds one, START removes it. */
  readonly optedOut: Set<string>;
  inboundWebhookUrl: string | undefined;
  callbackMode: CallbackMode = 'in-order';

  private readonly numbers: AccountNumber[];
  private readonly unreachable: Set<string>;
  private readonly conversations = new Map<string, PhoneText[]>();
  private readonly pending = new Set<Promise<void>>();
  private readonly stopping = new AbortController();
  private failures: { remaining: number; status: 429 | 500 | 503 } = { remaining: 0, status: 500 };

  constructor(
    private readonly server: http.Server,
    address: AddressInfo,
    private readonly options: FakeTwilioOptions,
  ) {
    const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    this.url = `http://${host}:${address.port}`;
    this.numbers = (options.numbers ?? DEFAULT_NUMBERS).map((n, i) => ({
      sid: newSid('PN'),
      phoneNumber: n.phoneNumber,
      friendlyName: n.friendlyName ?? `Number ${i + 1}`,
    }));
    this.optedOut = new Set(options.optedOut);
    this.unreachable = new Set(options.unreachable);
    this.inboundWebhookUrl = options.inboundWebhookUrl;
  }

  /** The next `count` sends fail with this HTTP status (a Twilio outage, or 429 rate limiting). */
  failNextSends(count: number, httpStatus: 429 | 500 | 503 = 500): void {
    this.failures = { remaining: count, status: httpStatus };
  }

  /**
   * What the phone page's Send does: a text from the customer's phone to one of the account's numbers (by default
   * the one it last heard from), posted as a signed incoming-message webhook. Null when no webhook URL is set.
   */
  async textFromPhone(text: {
    from: string;
    to?: string;
    body: string;
    media?: { url: string; contentType: string }[];
  }): Promise<SentWebhook | null> {
    if (!E164.test(text.from)) throw new Error(`${text.from} is not a phone number in E.164 format.`);
    const to = text.to ?? this.partnerOf(text.from);
    const keyword = text.body.trim().toUpperCase();
    const optOutType = OPT_OUT.has(keyword) ? 'STOP' : OPT_IN.has(keyword) ? 'START' : undefined;
    if (optOutType === 'STOP') this.optedOut.add(text.from);
    if (optOutType === 'START') this.optedOut.delete(text.from);

    const sid = newSid('SM');
    const record: PhoneText = { sid, direction: 'sent', businessNumber: to, body: text.body, at: new Date() };
    this.conversationOf(text.from).push(record);
    const media = text.media ?? [];
    const fields: WebhookFields = {
      MessageSid: sid,
      SmsMessageSid: sid,
      SmsSid: sid,
      AccountSid: this.options.accountSid,
      From: text.from,
      To: to,
      Body: text.body,
      NumMedia: String(media.length),
      NumSegments: '1',
      SmsStatus: 'received',
      ApiVersion: API_VERSION,
      ...Object.fromEntries(
        media.flatMap((m, i) => [
          [`MediaUrl${i}`, m.url],
          [`MediaContentType${i}`, m.contentType],
        ]),
      ),
      ...(optOutType && { OptOutType: optOutType }),
    };
    if (!this.inboundWebhookUrl) {
      record.inboxStatus = null;
      return null;
    }
    const delivered = await postWebhook(this.options.authToken, this.inboundWebhookUrl, fields);
    this.inboundWebhooks.push(delivered);
    record.inboxStatus = delivered.responseStatus;
    return delivered;
  }

  /** Resolves when every status callback under way has gone out. */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.all(this.pending);
  }

  async close(): Promise<void> {
    this.stopping.abort();
    await this.settled();
    this.server.closeAllConnections();
    await new Promise<void>((resolve, reject) =>
      this.server.close((error) => (error ? reject(error) : resolve())),
    );
  }

  /** Serves one request; startFakeTwilio wires it to the HTTP server. */
  async handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.url);
    if (url.pathname.startsWith(`/${API_VERSION}/`)) return this.api(request, response, url);
    const phoneRoute = /^\/phone\/([^/]+)(\/log|\/reply)?$/.exec(url.pathname);
    if (phoneRoute)
      return this.phone(request, response, url, decodeURIComponent(phoneRoute[1]!), phoneRoute[2]);
    if (url.pathname === '/' && request.method === 'GET')
      return sendHtml(
        response,
        200,
        indexPage(
          this.numbers.map((n) => n.phoneNumber),
          [...this.conversations.keys()],
        ),
      );
    sendText(response, 404, 'Not found');
  }

  private async api(request: http.IncomingMessage, response: http.ServerResponse, url: URL): Promise<void> {
    const route = /^\/2010-04-01\/Accounts\/([^/]+)\/(Messages|IncomingPhoneNumbers)\.json$/.exec(
      url.pathname,
    );
    if (!isAuthorized(request.headers.authorization, decodeURIComponent(route?.[1] ?? ''), this.options))
      return sendTwilioError(response, AUTHENTICATE);
    if (route?.[2] === 'Messages' && request.method === 'POST') return this.createMessage(request, response);
    if (route?.[2] === 'IncomingPhoneNumbers' && request.method === 'GET') {
      const page = numbersPage(
        this.options.accountSid,
        this.numbers,
        url.searchParams,
        this.options.maxPageSize ?? 1000,
      );
      return sendJson(response, 200, page);
    }
    sendTwilioError(response, {
      status: 404,
      code: 20404,
      message: `The requested resource ${url.pathname} was not found`,
    });
  }

  private async createMessage(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const form = await readForm(request);
    if (this.failures.remaining > 0) {
      this.failures.remaining--;
      return sendTwilioError(response, outage(this.failures.status));
    }
    const refusal = refusalOf(form, { owns: (number) => this.owns(number), optedOut: this.optedOut });
    if (refusal) return sendTwilioError(response, refusal);

    const message: SentMessage = {
      sid: newSid('SM'),
      from: form.get('From')!,
      to: form.get('To')!,
      body: form.get('Body') ?? '',
      statusCallback: form.get('StatusCallback') ?? undefined,
    };
    this.sent.push(message);
    if (!this.unreachable.has(message.to))
      this.conversationOf(message.to).push({
        sid: message.sid,
        direction: 'received',
        businessNumber: message.from,
        body: message.body,
        at: new Date(),
      });
    if (message.statusCallback)
      this.track(this.reportStatuses(message, message.statusCallback, this.callbackMode));
    sendJson(response, 201, messageResource(this.options.accountSid, message));
  }

  /** Status callbacks after creation (none for the initial `queued`, as with Twilio), each signed. */
  private async reportStatuses(message: SentMessage, callbackUrl: string, mode: CallbackMode): Promise<void> {
    const outcome = this.unreachable.has(message.to) ? 'undelivered' : 'delivered';
    const lifecycle = ['sending', 'sent', outcome];
    const statuses =
      mode === 'reversed'
        ? lifecycle.toReversed()
        : mode === 'duplicated'
          ? lifecycle.flatMap((s) => [s, s])
          : lifecycle;
    for (const status of statuses) {
      await sleep(this.options.callbackDelayMs ?? 300, undefined, { signal: this.stopping.signal });
      const fields: WebhookFields = {
        MessageSid: message.sid,
        SmsSid: message.sid,
        AccountSid: this.options.accountSid,
        From: message.from,
        To: message.to,
        MessageStatus: status,
        SmsStatus: status,
        ApiVersion: API_VERSION,
        // 30003: unreachable destination handset.
        ...(status === 'undelivered' && { ErrorCode: '30003' }),
      };
      this.statusCallbacks.push(await postWebhook(this.options.authToken, callbackUrl, fields));
    }
  }

  private async phone(
    request: http.IncomingMessage,
    response: http.ServerResponse,
    url: URL,
    phone: string,
    action: string | undefined,
  ): Promise<void> {
    if (!E164.test(phone))
      return sendText(response, 404, 'Not a phone number: write it in E.164, e.g. /phone/+15555550123');
    const texts = this.conversations.get(phone) ?? [];
    if (action === undefined && request.method === 'GET') {
      const chosen = url.searchParams.get('to');
      const partner = chosen && this.owns(chosen) ? chosen : this.partnerOf(phone);
      return sendHtml(response, 200, phonePage(phone, partner, texts));
    }
    if (action === '/log' && request.method === 'GET')
      return sendHtml(response, 200, conversationItems(texts));
    if (action === '/reply' && request.method === 'POST') {
      const form = await readForm(request);
      const body = form.get('Body') ?? '';
      const to = form.get('To');
      if (body.trim())
        await this.textFromPhone({
          from: phone,
          body,
          ...(to && this.owns(to) && { to }),
        });
      return redirect(response, phonePath(phone) + (to ? `?to=${encodeURIComponent(to)}` : ''));
    }
    sendText(response, 405, 'Method not allowed');
  }

  private owns(number: string): boolean {
    return this.numbers.some((n) => n.phoneNumber === number);
  }

  /** The account number a phone last heard from or texted, else the account's first number. */
  private partnerOf(phone: string): string {
    return this.conversations.get(phone)?.at(-1)?.businessNumber ?? this.numbers[0]?.phoneNumber ?? '';
  }

  private conversationOf(phone: string): PhoneText[] {
    let texts = this.conversations.get(phone);
    if (!texts) this.conversations.set(phone, (texts = []));
    return texts;
  }

  private track(work: Promise<void>): void {
    const tracked = work
      .catch((error: unknown) => {
        // Stopping cancels the waits between callbacks; anything else is a bug in the fake.
        if (!this.stopping.signal.aborted) console.error('fake-twilio: status callbacks stopped:', error);
      })
      .finally(() => this.pending.delete(tracked));
    this.pending.add(tracked);
  }
}

export async function startFakeTwilio(options: FakeTwilioOptions): Promise<FakeTwilio> {
  const server = http.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
  });
  const fake = new FakeTwilio(server, server.address() as AddressInfo, options);
  server.on('request', (request: http.IncomingMessage, response: http.ServerResponse) => {
    fake.handle(request, response).catch((error: unknown) => {
      if (error instanceof BodyTooLargeError) return sendText(response, 413, 'Request body too large');
      console.error('fake-twilio:', error);
      if (!response.headersSent) sendText(response, 500, 'The fake failed; see its log.');
    });
  });
  return fake;
}

async function main(): Promise<void> {
  const fake = await startFakeTwilio({
    port: Number(process.env.PORT ?? 8790),
    accountSid: process.env.TWILIO_ACCOUNT_SID ?? `AC${'0'.repeat(32)}`,
    authToken: process.env.TWILIO_AUTH_TOKEN ?? 'fake-twilio-auth-token',
    inboundWebhookUrl: process.env.SMS_INBOUND_WEBHOOK_URL || undefined,
  });
  console.log(`  Fake Twilio:      ${fake.url}  (the Twilio API base URL for the server)`);
  console.log(`  Phone page:       ${fake.url}${phonePath('+15555550123')}  (any E.164 number)`);
  if (!fake.inboundWebhookUrl)
    console.log('  Texts from phones are not forwarded: SMS_INBOUND_WEBHOOK_URL is not set.');
  const stop = () => void fake.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
