// A local stand-in for Twilio Programmable Messaging, for development and tests. It speaks Twilio's wire contract:
// the REST API (send a message, list messages, list the account's numbers) with Basic auth and Twilio's error codes,
// signed status callbacks (sending -> sent -> delivered, or undelivered), and signed incoming-message webhooks sent
// from a "phone" page where a person plays the customer. MMS both ways: a send's MediaUrls are fetched (and shown on
// the phone), and a phone's pictures are served to the inbox behind the account's credentials (see media.ts). Tests can also hold a send's answer back (`holdSends`), to
// put a client where Twilio has its text and it does not know.
//
//   tsx examples/fake-twilio/server.ts   (PORT, HOST, TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, SMS_INBOUND_WEBHOOK_URL)
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { BodyTooLargeError, readForm, redirect, sendHtml, sendJson, sendText } from './http.js';
import { SendHolds, type HeldSend, type SentMessage } from './held-sends.js';
import { cdnPath, MediaStore, samplePicture, type MediaRequest } from './media.js';
import {
  conversationItems,
  indexPage,
  phonePage,
  phonePath,
  type PhoneMedia,
  type PhoneText,
} from './phone-page.js';
import {
  API_VERSION,
  AUTHENTICATE,
  E164,
  isAuthorized,
  messageResource,
  messagesPage,
  newSid,
  numbersPage,
  outage,
  refusalOf,
  sendTwilioError,
  type AccountNumber,
  type MessageRecord,
} from './rest-api.js';
import { postWebhook, type SentWebhook, type WebhookFields } from './webhooks.js';

export type { HeldSend, SentMessage } from './held-sends.js';
export type { FetchedMedia, MediaRequest } from './media.js';
export type { AccountNumber } from './rest-api.js';

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
  /** The account's numbers; two fictional US ones (555-01xx) by default. */
  numbers?: FakeNumber[];
  /** Where texts from the phone page go (the inbox's incoming-message webhook). */
  inboundWebhookUrl?: string;
  /** The wait before each status callback. */
  callbackDelayMs?: number;
  /** Recipients who texted STOP before the fake started: sends to them are refused with 21610. */
  optedOut?: string[];
  /** Recipients whose texts end `undelivered` with error 30003 (unreachable handset). */
  unreachable?: string[];
  /** The most entries one page of a list (numbers, messages) holds (Twilio's cap is 1000). */
  maxPageSize?: number;
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
  /** Every message accepted for sending, in order: how many times "Twilio" took a text, whatever the client heard. */
  readonly sent: SentMessage[] = [];
  readonly statusCallbacks: SentWebhook[] = [];
  readonly inboundWebhooks: SentWebhook[] = [];
  /** Every request for media the fake serves (the API's media URLs and its CDN), with its Authorization header. */
  readonly mediaRequests: MediaRequest[] = [];
  /** Recipients who opted out: texting STOP from the phone page adds one, START removes it. */
  readonly optedOut: Set<string>;
  inboundWebhookUrl: string | undefined;
  callbackMode: CallbackMode = 'in-order';

  /** The account's numbers, with the PN… ids the number list gives them. */
  readonly numbers: readonly AccountNumber[];
  private readonly unreachable: Set<string>;
  private readonly conversations = new Map<string, PhoneText[]>();
  /** Every message in and out, oldest first, as the Message list shows them. */
  private readonly log: MessageRecord[] = [];
  private readonly holds = new SendHolds();
  private readonly media = new MediaStore();
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

  get accountSid(): string {
    return this.options.accountSid;
  }

  /** The next `count` sends fail with this HTTP status (a Twilio outage, or 429 rate limiting). */
  failNextSends(count: number, httpStatus: 429 | 500 | 503 = 500): void {
    this.failures = { remaining: count, status: httpStatus };
  }

  /**
   * Holds back the answer to the next send the fake accepts. The message is created as usual (in `sent` and the
   * Message list, its status callbacks go out), but the HTTP answer waits for `release()`, or never comes after
   * `drop()` or when the client has gone: what a client that crashed (kill -9) mid-send left behind. Each call holds
   * one more send.
   */
  holdSends(): HeldSend {
    return this.holds.hold();
  }

  /** A message's status now (queued, sending, sent, delivered, undelivered, received), as the Message list shows. */
  statusOf(sid: string): string | undefined {
    return this.log.find((m) => m.sid === sid)?.status;
  }

  /**
   * Keeps a picture (or any medium) as Twilio keeps an incoming MMS's media, for `textFromPhone({ media })`: its
   * MediaUrl is on the API and asks for the account's credentials, then redirects to the fake's CDN path, or to
   * `redirectTo` (a CDN on another host).
   */
  hostMedia(
    bytes: Uint8Array,
    contentType: string,
    options: { redirectTo?: string } = {},
  ): { url: string; contentType: string } {
    const sid = this.media.keep({ bytes: Buffer.from(bytes), contentType, ...options });
    return { url: this.media.apiUrl(this.url, this.options.accountSid, sid), contentType };
  }

  /**
   * What the phone page's Send does: a text from the customer's phone to one of the account's numbers (by default
   * the one that last texted it, else the account's first), posted as a signed incoming-message webhook to
   * `inboundWebhookUrl`. Null when no webhook URL is set.
   */
  async textFromPhone(text: {
    from: string;
    to?: string;
    body: string;
    media?: { url: string; contentType: string }[];
  }): Promise<SentWebhook | null> {
    if (!E164.test(text.from)) throw new Error(`${text.from} is not a phone number in E.164 format.`);
    const to = text.to ?? this.partnerOf(text.from);
    if (!this.owns(to))
      throw new Error(
        `${to || 'No number'} is not one of the fake account's numbers; a phone can only text those.`,
      );
    const keyword = text.body.trim().toUpperCase();
    const optOutType = OPT_OUT.has(keyword) ? 'STOP' : OPT_IN.has(keyword) ? 'START' : undefined;
    if (optOutType === 'STOP') this.optedOut.add(text.from);
    if (optOutType === 'START') this.optedOut.delete(text.from);

    const sid = newSid('SM');
    const now = new Date();
    const media = text.media ?? [];
    const record: PhoneText = {
      sid,
      direction: 'sent',
      businessNumber: to,
      body: text.body,
      at: now,
      ...(media.length > 0 && { media: media.map((m) => this.phoneMediaOf(m.url, m.contentType)) }),
    };
    this.conversationOf(text.from).push(record);
    this.log.push({
      sid,
      direction: 'inbound',
      from: text.from,
      to,
      body: text.body,
      numMedia: media.length,
      status: 'received',
      errorCode: null,
      dateCreated: now,
      dateUpdated: now,
      dateSent: now,
    });
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
    const mediaRoute = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\/[^/]+\/Media\/([^/]+)$/.exec(
      url.pathname,
    );
    if (mediaRoute && request.method === 'GET') return this.apiMedia(request, response, url, mediaRoute);
    if (url.pathname.startsWith(`/${API_VERSION}/`)) return this.api(request, response, url);
    const cdnRoute = /^\/media\/([^/]+)$/.exec(url.pathname);
    if (cdnRoute && request.method === 'GET') return this.cdnMedia(request, response, url, cdnRoute[1]!);
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
    if (route?.[2] === 'Messages' && request.method === 'GET') {
      const page = messagesPage(
        this.options.accountSid,
        this.log,
        url.searchParams,
        this.options.maxPageSize ?? 1000,
      );
      return sendJson(response, 200, page);
    }
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

  /** A phone's medium at its API URL: the account's credentials, then a redirect to where the bytes are. */
  private apiMedia(
    request: http.IncomingMessage,
    response: http.ServerResponse,
    url: URL,
    [, accountSid, sid]: RegExpExecArray,
  ): void {
    this.mediaRequests.push({ path: url.pathname, authorization: request.headers.authorization });
    if (!isAuthorized(request.headers.authorization, decodeURIComponent(accountSid!), this.options))
      return sendTwilioError(response, AUTHENTICATE);
    const kept = this.media.get(decodeURIComponent(sid!));
    if (!kept)
      return sendTwilioError(response, {
        status: 404,
        code: 20404,
        message: 'The requested media was not found',
      });
    response.writeHead(302, { location: kept.redirectTo ?? `${this.url}${cdnPath(sid!)}` }).end();
  }

  /** The CDN: media by id, to anyone who has the URL. */
  private cdnMedia(
    request: http.IncomingMessage,
    response: http.ServerResponse,
    url: URL,
    sid: string,
  ): void {
    this.mediaRequests.push({ path: url.pathname, authorization: request.headers.authorization });
    const kept = this.media.get(decodeURIComponent(sid));
    if (!kept) return sendText(response, 404, 'Not found');
    response
      .writeHead(200, { 'content-type': kept.contentType, 'content-length': String(kept.bytes.length) })
      .end(kept.bytes);
  }

  /** How the phone page shows a medium of a text it sent: the picture itself when the fake keeps it. */
  private phoneMediaOf(url: string, contentType: string): PhoneMedia {
    const sid = /\/Media\/([^/?#]+)$/.exec(URL.canParse(url) ? new URL(url).pathname : '')?.[1];
    const kept = sid && url.startsWith(this.url) ? this.media.get(sid) : undefined;
    return { contentType, ...(kept && { src: cdnPath(sid!) }) };
  }

  private async createMessage(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const form = await readForm(request);
    if (this.failures.remaining > 0) {
      this.failures.remaining--;
      return sendTwilioError(response, outage(this.failures.status));
    }
    const refusal = refusalOf(form, { owns: (number) => this.owns(number), optedOut: this.optedOut });
    if (refusal) return sendTwilioError(response, refusal);

    const mediaUrls = form.getAll('MediaUrl');
    const message: SentMessage = {
      sid: newSid('SM'),
      from: form.get('From')!,
      to: form.get('To')!,
      body: form.get('Body') ?? '',
      statusCallback: form.get('StatusCallback') ?? undefined,
      ...(mediaUrls.length > 0 && { mediaUrls }),
    };
    const now = new Date();
    const record: MessageRecord = {
      sid: message.sid,
      direction: 'outbound-api',
      from: message.from,
      to: message.to,
      body: message.body,
      numMedia: mediaUrls.length,
      status: 'queued',
      errorCode: null,
      dateCreated: now,
      dateUpdated: now,
      dateSent: null,
    };
    this.sent.push(message);
    this.log.push(record);
    const phoneText: PhoneText = {
      sid: message.sid,
      direction: 'received',
      businessNumber: message.from,
      body: message.body,
      at: now,
      ...(mediaUrls.length > 0 && { media: mediaUrls.map(() => ({ contentType: 'loading' })) }),
    };
    if (!this.unreachable.has(message.to)) this.conversationOf(message.to).push(phoneText);
    this.track(this.deliver(message, record, this.callbackMode, phoneText));
    // The answer is the message as created (queued), however late it is written.
    const created = messageResource(this.options.accountSid, record);

    const hold = this.holds.next();
    if (hold) {
      hold.arrive(message);
      const gone = once(response, 'close').then(
        () => 'gone' as const,
        () => 'gone' as const,
      );
      const decision = await Promise.race([hold.decision, gone]);
      if (decision === 'drop') return void response.destroy();
      if (decision === 'gone' || response.destroyed) return;
    }
    sendJson(response, 201, created);
  }

  /**
   * The message's life after creation: its status moves on (the Message list shows it) and, when the send named a
   * StatusCallback, each change is posted there, signed over exactly that URL. None for the initial `queued`, as with
   * Twilio. In `duplicated` or `reversed` mode the callbacks go out so; the status still only moves forward.
   */
  private async deliver(
    message: SentMessage,
    record: MessageRecord,
    mode: CallbackMode,
    phoneText: PhoneText,
  ): Promise<void> {
    const unreachable = this.unreachable.has(message.to);
    // Twilio fetches an MMS's media before it sends; one it cannot fetch fails the message (11200).
    const media = await Promise.all((message.mediaUrls ?? []).map((url) => this.media.fetch(url)));
    if (message.mediaUrls) {
      message.media = media;
      phoneText.media = media.map((m) => ({
        contentType: m.contentType ?? `not fetched (HTTP ${m.status || 'no answer'})`,
        ...(m.src && { src: m.src }),
      }));
    }
    const unfetched = media.some((m) => m.status < 200 || m.status > 299);
    const outcome = unfetched ? 'failed' : unreachable ? 'undelivered' : 'delivered';
    const lifecycle = unfetched ? ['queued', 'failed'] : ['queued', 'sending', 'sent', outcome];
    const changes = lifecycle.slice(1);
    const reports =
      mode === 'reversed'
        ? changes.toReversed()
        : mode === 'duplicated'
          ? changes.flatMap((s) => [s, s])
          : changes;
    for (const status of reports) {
      await sleep(this.options.callbackDelayMs ?? 300, undefined, { signal: this.stopping.signal });
      if (lifecycle.indexOf(status) > lifecycle.indexOf(record.status)) {
        record.status = status;
        record.dateUpdated = new Date();
        if (status !== 'sending') record.dateSent ??= record.dateUpdated;
        // 30003: unreachable destination handset; 11200: a MediaUrl could not be fetched.
        if (status === 'undelivered') record.errorCode = 30003;
        if (status === 'failed') record.errorCode = 11200;
      }
      if (!message.statusCallback) continue;
      const fields: WebhookFields = {
        MessageSid: message.sid,
        SmsSid: message.sid,
        AccountSid: this.options.accountSid,
        From: message.from,
        To: message.to,
        MessageStatus: status,
        SmsStatus: status,
        ApiVersion: API_VERSION,
        ...(status === 'undelivered' && { ErrorCode: '30003' }),
        ...(status === 'failed' && { ErrorCode: '11200' }),
      };
      this.statusCallbacks.push(await postWebhook(this.options.authToken, message.statusCallback, fields));
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
      return sendText(response, 404, 'Not a phone number: write it in E.164, e.g. /phone/+14155550123');
    const texts = this.conversations.get(phone) ?? [];
    if (action === undefined && request.method === 'GET') {
      const chosen = url.searchParams.get('to');
      const partner = chosen && this.owns(chosen) ? chosen : this.partnerOf(phone);
      return sendHtml(response, 200, phonePage(phone, this.numbers, partner, texts));
    }
    if (action === '/log' && request.method === 'GET')
      return sendHtml(response, 200, conversationItems(texts));
    if (action === '/reply' && request.method === 'POST') {
      const form = await readForm(request);
      const body = form.get('Body') ?? '';
      const to = form.get('To');
      const picture = form.get('Picture') === 'on';
      if (body.trim() || picture)
        await this.textFromPhone({
          from: phone,
          body,
          ...(to && this.owns(to) && { to }),
          ...(picture && { media: [this.hostMedia(samplePicture(), 'image/png')] }),
        });
      return redirect(response, phonePath(phone) + (to ? `?to=${encodeURIComponent(to)}` : ''));
    }
    sendText(response, 405, 'Method not allowed');
  }

  private owns(number: string): boolean {
    return this.numbers.some((n) => n.phoneNumber === number);
  }

  /** The account number that last texted a phone, else the account's first number. */
  private partnerOf(phone: string): string {
    const texts = this.conversations.get(phone) ?? [];
    const lastReceived = texts.findLast((text) => text.direction === 'received');
    return lastReceived?.businessNumber ?? this.numbers[0]?.phoneNumber ?? '';
  }

  private conversationOf(phone: string): PhoneText[] {
    let texts = this.conversations.get(phone);
    if (!texts) this.conversations.set(phone, (texts = []));
    return texts;
  }

  private track(work: Promise<void>): void {
    const tracked = work
      .catch((error: unknown) => {
        // Stopping cancels the waits between status changes; anything else is a bug in the fake.
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

/** The port from PORT: 0 picks a free one. */
function portFrom(value: string | undefined): number {
  if (value === undefined || value === '') return 8790;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number (0 to 65535), not "${value}".`);
  return port;
}

/** An http(s) URL from the environment, or undefined when unset. */
function urlFrom(name: string, value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (!URL.canParse(value) || !/^https?:$/.test(new URL(value).protocol))
    throw new Error(`${name} must be an http(s) URL, not "${value}".`);
  return value;
}

/** A customer's phone for the printed links: any E.164 number has a page. */
const SAMPLE_PHONE = '+14155550123';

async function main(): Promise<void> {
  const fake = await startFakeTwilio({
    port: portFrom(process.env.PORT),
    host: process.env.HOST || undefined,
    accountSid: process.env.TWILIO_ACCOUNT_SID || `AC${'0'.repeat(32)}`,
    authToken: process.env.TWILIO_AUTH_TOKEN || 'fake-twilio-auth-token',
    inboundWebhookUrl: urlFrom('SMS_INBOUND_WEBHOOK_URL', process.env.SMS_INBOUND_WEBHOOK_URL),
  });
  const phonePage = (to: string) => `${fake.url}${phonePath(SAMPLE_PHONE)}?to=${encodeURIComponent(to)}`;
  const lines = [
    `Fake Twilio:      ${fake.url}  (the Twilio API base URL for the server)`,
    `Account SID:      ${fake.accountSid}`,
    ...fake.numbers.map(
      (n) =>
        `Number:           ${n.phoneNumber} (${n.friendlyName})  phone page: ${phonePage(n.phoneNumber)}`,
    ),
    `Any phone:        ${fake.url}/phone/<E.164 number>; all phones: ${fake.url}/`,
    fake.inboundWebhookUrl
      ? `Texts from phones go to ${fake.inboundWebhookUrl}`
      : 'Texts from phones are not forwarded: SMS_INBOUND_WEBHOOK_URL is not set.',
  ];
  console.log(lines.map((line) => `  ${line}`).join('\n'));
  const stop = () => void fake.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href)
  await main().catch((error: unknown) => {
    console.error(`fake-twilio: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
