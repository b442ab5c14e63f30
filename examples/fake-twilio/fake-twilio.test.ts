// The fake Twilio's webhooks, checked with the server's own verifier and parsers: signed status callbacks in order
// (and, on request, duplicated or reversed), and the phone page's replies arriving as signed incoming messages. Then
// the Message list, and sends whose answer the fake holds back.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { replacesStatus, SmsRefusedError, type DeliveryStatus } from '../../server/src/sms/provider.js';
import { createTwilioProvider } from '../../server/src/sms/twilio/index.js';
import { sniffFileKind } from '../../server/src/domain/media/file-kind.js';
import { samplePicture } from './media.js';
import { startFakeTwilio, type FakeTwilio } from './server.js';

const accountSid = `AC${randomBytes(16).toString('hex')}`;
const authToken = randomBytes(16).toString('hex');
const BUSINESS = '+12025550100';
const CUSTOMER = '+15555550123';

interface Received {
  url: string;
  headers: http.IncomingHttpHeaders;
  params: URLSearchParams;
}

/** The inbox's side: a server that records every webhook and answers 200. */
async function startReceiver() {
  const received: Received[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({
        url: `${base}${request.url}`,
        headers: request.headers,
        params: new URLSearchParams(Buffer.concat(chunks).toString('utf8')),
      });
      response.writeHead(200, { 'content-type': 'text/xml' }).end('<Response/>');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = () => new Promise((resolve) => server.close(resolve));
  return { base, received, close };
}

let fake: FakeTwilio;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let provider: ReturnType<typeof createTwilioProvider>;

beforeEach(async () => {
  receiver = await startReceiver();
  fake = await startFakeTwilio({
    accountSid,
    authToken,
    callbackDelayMs: 5,
    unreachable: ['+15555550404'],
    inboundWebhookUrl: `${receiver.base}/sms/inbound?site=demo`,
  });
  provider = createTwilioProvider({ accountSid, authToken, apiBase: fake.url });
});
afterEach(async () => {
  await fake.close();
  await receiver.close();
});

/** Sends a text through the provider and waits for all of its status callbacks. */
async function sendAndSettle(to = CUSTOMER) {
  const sent = await provider.send({
    from: BUSINESS,
    to,
    body: 'Your table is ready',
    statusCallbackUrl: `${receiver.base}/sms/status?site=demo`,
  });
  await fake.settled();
  return sent;
}

/** Sends a text with these changes and waits for all of its status callbacks. */
async function sendAndSettleWith(change: Partial<Parameters<typeof provider.send>[0]>) {
  const sent = await provider.send({
    from: BUSINESS,
    to: CUSTOMER,
    body: 'Your table is ready',
    statusCallbackUrl: `${receiver.base}/sms/status?site=demo`,
    ...change,
  });
  await fake.settled();
  return sent;
}

/** Every received webhook must carry a valid signature for the URL it was sent to; then its fields. */
function verified(): URLSearchParams[] {
  for (const { url, headers, params } of receiver.received)
    expect(provider.verifyWebhook({ url, headers, params }), `signature of ${url}`).toBe(true);
  return receiver.received.map((r) => r.params);
}

const statusesOf = (callbacks: URLSearchParams[]) =>
  callbacks.map((params) => provider.parseStatus(params)?.status ?? null);

describe('status callbacks', () => {
  it('come signed, after the initial queued, in order', async () => {
    const { providerMessageId } = await sendAndSettle();
    // Posted to exactly the StatusCallback given at send time, query string and all, and signed over it.
    expect(receiver.received.map((r) => r.url)).toEqual(
      Array(3).fill(`${receiver.base}/sms/status?site=demo`),
    );
    const callbacks = verified();
    expect(callbacks.map((c) => c.get('MessageStatus'))).toEqual(['sending', 'sent', 'delivered']);
    expect(statusesOf(callbacks)).toEqual(['queued', 'sent', 'delivered']);
    for (const callback of callbacks)
      expect(provider.parseStatus(callback)?.providerMessageId).toBe(providerMessageId);
    expect(fake.statusCallbacks.map((c) => c.responseStatus)).toEqual([200, 200, 200]);
  });

  it('report an unreachable handset as undelivered with its error code', async () => {
    await sendAndSettle('+15555550404');
    const last = verified().at(-1)!;
    expect(provider.parseStatus(last)).toMatchObject({ status: 'undelivered', errorCode: '30003' });
  });

  it('are refused by the verifier once tampered with', async () => {
    await sendAndSettle();
    const { url, headers, params } = receiver.received[2]!;
    const tampered = new URLSearchParams(params);
    tampered.set('MessageStatus', 'failed');
    expect(provider.verifyWebhook({ url, headers, params: tampered })).toBe(false);
    expect(provider.verifyWebhook({ url: url.replace('site=demo', 'site=other'), headers, params })).toBe(
      false,
    );
  });

  it.each([
    ['duplicated', ['queued', 'queued', 'sent', 'sent', 'delivered', 'delivered']],
    ['reversed', ['delivered', 'sent', 'queued']],
  ] as const)('can be %s, and the status order still ends on delivered', async (mode, expected) => {
    fake.callbackMode = mode;
    await sendAndSettle();
    const statuses = statusesOf(verified()) as DeliveryStatus[];
    expect(statuses).toEqual(expected);
    const final = statuses.reduce<DeliveryStatus>(
      (recorded, s) => (replacesStatus(recorded, s) ? s : recorded),
      'queued',
    );
    expect(final).toBe('delivered');
  });
});

describe('the phone page', () => {
  const pagePath = `/phone/${CUSTOMER}`;

  it('shows the texts sent to the phone, escaped, with a log, a Reply box and a Send button', async () => {
    await provider.send({ from: BUSINESS, to: CUSTOMER, body: '<script>alert("hi")</script> & more' });
    const html = await (await fetch(fake.url + pagePath)).text();
    expect(html).toContain('role="log"');
    expect(html).toMatch(/<label for="reply">Reply<\/label> <input id="reply" name="Body"/);
    expect(html).toContain('<button type="submit">Send</button>');
    expect(html).toContain('&lt;script&gt;alert(&quot;hi&quot;)&lt;/script&gt; &amp; more');
    expect(html).not.toContain('<script>alert');
    const log = await (await fetch(`${fake.url}${pagePath}/log`)).text();
    expect(log).toContain(`From ${BUSINESS}:`);
    expect(log).toContain('&lt;script&gt;');
  });

  it('lets the customer choose which number to text: by default the one that last texted them', async () => {
    const selected = async (query = '') => {
      const html = await (await fetch(fake.url + pagePath + query)).text();
      expect(html).toContain('<label for="to">To</label> <select id="to" name="To">');
      return [...html.matchAll(/<option value="([^"]+)"( selected)?>/g)].map((m) => [m[1], Boolean(m[2])]);
    };
    expect(await selected()).toEqual([
      [BUSINESS, true],
      ['+12025550101', false],
    ]);
    await provider.send({ from: '+12025550101', to: CUSTOMER, body: 'Hello from sales' });
    await fake.textFromPhone({ from: CUSTOMER, to: BUSINESS, body: 'Wrong number?' });
    expect((await selected()).find(([, isSelected]) => isSelected)?.[0]).toBe('+12025550101');
    expect((await selected(`?to=${encodeURIComponent(BUSINESS)}`)).find(([, on]) => on)?.[0]).toBe(BUSINESS);
    expect((await selected('?to=%2B19995550100')).find(([, on]) => on)?.[0]).toBe('+12025550101');
  });

  it("posts the customer's reply to the inbox as a signed incoming message", async () => {
    await provider.send({ from: '+12025550101', to: CUSTOMER, body: 'Hello from sales' });
    const response = await fetch(`${fake.url}${pagePath}/reply`, {
      method: 'POST',
      body: new URLSearchParams({ Body: 'Can I move it to 8pm?', To: '+12025550101' }),
      redirect: 'manual',
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`${pagePath}?to=%2B12025550101`);

    const [params] = verified();
    expect(receiver.received[0]!.url).toBe(`${receiver.base}/sms/inbound?site=demo`);
    const inbound = provider.parseInbound(params!);
    expect(inbound).toEqual({
      providerMessageId: expect.stringMatching(/^SM[0-9a-f]{32}$/),
      from: CUSTOMER,
      to: '+12025550101',
      body: 'Can I move it to 8pm?',
      media: [],
    });
    expect(Object.fromEntries(params!)).toMatchObject({
      AccountSid: accountSid,
      MessageSid: expect.stringMatching(/^SM[0-9a-f]{32}$/),
      SmsSid: params!.get('MessageSid'),
      NumMedia: '0',
      SmsStatus: 'received',
      ApiVersion: '2010-04-01',
    });
    expect(await (await fetch(`${fake.url}${pagePath}/log`)).text()).toContain('Can I move it to 8pm?');
  });

  it('gives every reply a fresh message id and forwards attachments', async () => {
    await fake.textFromPhone({ from: CUSTOMER, body: 'one' });
    await fake.textFromPhone({
      from: CUSTOMER,
      body: '',
      media: [
        { url: `${fake.url}/media/1.jpg`, contentType: 'image/jpeg' },
        { url: `${fake.url}/media/2.png`, contentType: 'image/png' },
      ],
    });
    const [first, second] = verified().map((params) => provider.parseInbound(params));
    expect(first!.providerMessageId).not.toBe(second!.providerMessageId);
    expect(first!.to).toBe(BUSINESS);
    expect(second!.media).toEqual([
      { url: `${fake.url}/media/1.jpg`, contentType: 'image/jpeg' },
      { url: `${fake.url}/media/2.png`, contentType: 'image/png' },
    ]);
  });

  it('opts the customer out on STOP, so the next send is refused with 21610, and back in on START', async () => {
    await fake.textFromPhone({ from: CUSTOMER, body: ' stop ' });
    expect(verified()[0]!.get('OptOutType')).toBe('STOP');
    const refused = await provider
      .send({ from: BUSINESS, to: CUSTOMER, body: 'hello?' })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(SmsRefusedError);
    expect(refused).toMatchObject({ code: 'opted_out', providerCode: 21610 });

    await fake.textFromPhone({ from: CUSTOMER, body: 'START' });
    await expect(provider.send({ from: BUSINESS, to: CUSTOMER, body: 'welcome back' })).resolves.toBeTruthy();
  });

  it('says on the page when a reply could not reach the inbox', async () => {
    fake.inboundWebhookUrl = undefined;
    await fake.textFromPhone({ from: CUSTOMER, body: 'anyone there?' });
    expect(await (await fetch(fake.url + pagePath)).text()).toContain('not forwarded');
    expect(receiver.received).toEqual([]);
  });

  it("texts only the account's numbers", async () => {
    await expect(fake.textFromPhone({ from: CUSTOMER, to: '+19995550100', body: 'hi' })).rejects.toThrow(
      "+19995550100 is not one of the fake account's numbers",
    );
  });

  it('answers a path that is not a phone number with 404', async () => {
    expect((await fetch(`${fake.url}/phone/not-a-number`)).status).toBe(404);
  });
});

describe('MMS', () => {
  /** Where the inbox would serve its pictures: a PNG at /a.png, a JPEG's bytes at /b.jpg, 404 elsewhere. */
  async function startPictures() {
    const png = samplePicture();
    const server = http.createServer((request, response) => {
      if (request.url === '/a.png') return response.writeHead(200, { 'content-type': 'image/png' }).end(png);
      if (request.url === '/b.jpg')
        return response.writeHead(200, { 'content-type': 'image/jpeg' }).end('jpeg!');
      response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return { base, png, close: () => new Promise((resolve) => server.close(resolve)) };
  }

  it('fetches every MediaUrl of a send before it goes, and shows the pictures on the phone', async () => {
    const pictures = await startPictures();
    try {
      const urls = [`${pictures.base}/a.png`, `${pictures.base}/b.jpg`];
      await provider.send({ from: BUSINESS, to: CUSTOMER, body: 'Two pictures', mediaUrls: urls });
      await fake.settled();
      const [sent] = fake.sent;
      expect(sent!.mediaUrls).toEqual(urls);
      expect(sent!.media!.map((m) => [m.url, m.status, m.contentType, m.size])).toEqual([
        [urls[0], 200, 'image/png', pictures.png.length],
        [urls[1], 200, 'image/jpeg', 5],
      ]);
      expect(sent!.media![0]!.bytes).toEqual(pictures.png);
      expect(fake.statusOf(sent!.sid)).toBe('delivered');
      const log = await (await fetch(`${fake.url}/phone/${CUSTOMER}/log`)).text();
      const src = /<img class="media" src="([^"]+)" alt="Picture 1">/.exec(log)?.[1];
      expect(src).toMatch(/^\/media\/ME[0-9a-f]{32}$/);
      const shown = await fetch(fake.url + src!);
      expect(Buffer.from(await shown.arrayBuffer())).toEqual(pictures.png);
    } finally {
      await pictures.close();
    }
  });

  it('fails a send whose media it cannot fetch (11200)', async () => {
    const pictures = await startPictures();
    try {
      await sendAndSettleWith({ mediaUrls: [`${pictures.base}/a.png`, `${pictures.base}/gone.png`] });
      const statuses = verified().map((p) => provider.parseStatus(p));
      expect(statuses).toEqual([expect.objectContaining({ status: 'failed', errorCode: '11200' })]);
      expect(fake.sent[0]!.media!.map((m) => m.status)).toEqual([200, 404]);
    } finally {
      await pictures.close();
    }
  });

  it("serves a phone's pictures behind the account's credentials, then from its CDN", async () => {
    const { url } = fake.hostMedia(samplePicture(), 'image/png');
    expect((await fetch(url)).status).toBe(401);
    const api = await fetch(url, { headers: basicAuth, redirect: 'manual' });
    expect(api.status).toBe(302);
    const cdn = await fetch(new URL(api.headers.get('location')!, url));
    expect(cdn.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await cdn.arrayBuffer())).toEqual(samplePicture());
    expect(fake.mediaRequests.map((r) => r.authorization)).toEqual([
      undefined,
      basicAuth.authorization,
      undefined,
    ]);
    expect((await sniffFileKind(samplePicture())).mime).toBe('image/png');
  });

  it('sends a picture from the phone page as an MMS the inbox can fetch', async () => {
    await fetch(`${fake.url}/phone/${CUSTOMER}/reply`, {
      method: 'POST',
      body: new URLSearchParams({ Body: '', Picture: 'on' }),
      redirect: 'manual',
    });
    const [params] = verified();
    const inbound = provider.parseInbound(params!);
    expect(params!.get('NumMedia')).toBe('1');
    expect(inbound.media).toEqual([
      { url: expect.stringContaining(`${fake.url}/2010-04-01/Accounts/`), contentType: 'image/png' },
    ]);
    const fetched = await fetch(inbound.media[0]!.url, {
      headers: { authorization: provider.mediaAuthorization(inbound.media[0]!.url)! },
    });
    expect(fetched.status).toBe(200);
    expect(await (await fetch(`${fake.url}/phone/${CUSTOMER}/log`)).text()).toContain('alt="Picture 1"');
  });
});

it('answers an unauthenticated API call as Twilio does', async () => {
  const response = await fetch(`${fake.url}/2010-04-01/Accounts/${accountSid}/Messages.json`, {
    method: 'POST',
  });
  expect(response.status).toBe(401);
  expect(await response.json()).toEqual({
    code: 20003,
    message: 'Authenticate',
    more_info: 'https://www.twilio.com/docs/errors/20003',
    status: 401,
  });
});

const messagesUrl = (query: Record<string, string> = {}) =>
  `${fake.url}/2010-04-01/Accounts/${accountSid}/Messages.json?${new URLSearchParams(query)}`;
const basicAuth = { authorization: `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}` };

/** A page of the Message list, as the account sees it. */
async function listMessages(query: Record<string, string> = {}) {
  const response = await fetch(messagesUrl(query), { headers: basicAuth });
  expect(response.status).toBe(200);
  return (await response.json()) as { messages: Record<string, unknown>[]; next_page_uri: string | null };
}

describe('the Message list', () => {
  it('filters by To and From, newest first, each message as it is now', async () => {
    const first = await provider.send({ from: BUSINESS, to: CUSTOMER, body: 'one' });
    await provider.send({ from: '+12025550101', to: CUSTOMER, body: 'from sales' });
    await provider.send({ from: BUSINESS, to: '+15555550999', body: 'to someone else' });
    const last = await provider.send({ from: BUSINESS, to: CUSTOMER, body: 'two' });
    await fake.textFromPhone({ from: CUSTOMER, to: BUSINESS, body: 'a reply' });
    await fake.settled();

    const { messages } = await listMessages({ To: CUSTOMER, From: BUSINESS });
    expect(messages.map((m) => m.body)).toEqual(['two', 'one']);
    expect(messages[0]).toMatchObject({
      sid: last.providerMessageId,
      account_sid: accountSid,
      from: BUSINESS,
      to: CUSTOMER,
      status: 'delivered',
      direction: 'outbound-api',
      error_code: null,
      date_created: expect.stringMatching(/^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} \+0000$/),
      date_sent: expect.any(String),
      uri: `/2010-04-01/Accounts/${accountSid}/Messages/${last.providerMessageId}.json`,
    });
    expect(Math.abs(Date.parse(messages[0]!.date_created as string) - Date.now())).toBeLessThan(5000);
    expect(messages[1]!.sid).toBe(first.providerMessageId);

    const inbound = await listMessages({ From: CUSTOMER });
    expect(inbound.messages).toMatchObject([
      { body: 'a reply', direction: 'inbound', status: 'received', to: BUSINESS },
    ]);
    expect((await listMessages()).messages).toHaveLength(5);
  });

  it("shows an unreachable handset's text as undelivered with 30003", async () => {
    await provider.send({ from: BUSINESS, to: '+15555550404', body: 'anyone?' });
    await fake.settled();
    const [message] = (await listMessages({ To: '+15555550404' })).messages;
    expect(message).toMatchObject({ status: 'undelivered', error_code: 30003 });
  });

  it('pages by PageSize, the next page keeping the filters', async () => {
    for (const body of ['a', 'b', 'c']) await provider.send({ from: BUSINESS, to: CUSTOMER, body });
    const page = await listMessages({ To: CUSTOMER, PageSize: '2' });
    expect(page.messages.map((m) => m.body)).toEqual(['c', 'b']);
    const next = await fetch(fake.url + page.next_page_uri!, { headers: basicAuth });
    const rest = (await next.json()) as { messages: { body: string }[]; next_page_uri: string | null };
    expect(rest.messages.map((m) => m.body)).toEqual(['a']);
    expect(rest.next_page_uri).toBeNull();
  });

  it("needs the account's credentials", async () => {
    expect((await fetch(messagesUrl())).status).toBe(401);
    const wrong = `Basic ${Buffer.from(`${accountSid}:nope`).toString('base64')}`;
    expect((await fetch(messagesUrl(), { headers: { authorization: wrong } })).status).toBe(401);
  });
});

describe('a held send', () => {
  const statusCallbackUrl = () => `${receiver.base}/sms/status?site=demo`;
  const post = (signal?: AbortSignal) =>
    fetch(messagesUrl(), {
      method: 'POST',
      headers: basicAuth,
      body: new URLSearchParams({
        From: BUSINESS,
        To: CUSTOMER,
        Body: 'held',
        StatusCallback: statusCallbackUrl(),
      }),
      signal,
    });

  it('is accepted and goes its way while the client hears nothing, until released', async () => {
    const held = fake.holdSends();
    let answered = false;
    const answer = post().then((response) => ((answered = true), response));
    const message = await held.arrived;

    expect(fake.sent).toEqual([message]);
    expect(message).toMatchObject({ from: BUSINESS, to: CUSTOMER, body: 'held' });
    await fake.settled();
    expect(statusesOf(verified())).toEqual(['queued', 'sent', 'delivered']);
    expect((await listMessages({ To: CUSTOMER })).messages).toMatchObject([{ sid: message.sid }]);
    expect(answered).toBe(false);

    held.release();
    const response = await answer;
    expect(response.status).toBe(201);
    // The answer is the message as created, whatever happened since.
    expect(await response.json()).toMatchObject({ sid: message.sid, status: 'queued' });
  });

  it('is never answered when the client went away (killed mid-send), and the fake carries on', async () => {
    const held = fake.holdSends();
    const client = new AbortController();
    const answer = post(client.signal).catch((error: unknown) => error);
    await held.arrived;
    client.abort();
    expect(await answer).toMatchObject({ name: 'AbortError' });
    held.release();
    expect(fake.sent).toHaveLength(1);
    await expect(provider.send({ from: BUSINESS, to: CUSTOMER, body: 'next' })).resolves.toBeTruthy();
    expect(fake.sent).toHaveLength(2);
  });

  it('can be cut off instead: the client sees the connection fail, the text was still accepted', async () => {
    const held = fake.holdSends();
    const answer = post().catch((error: unknown) => error);
    await held.arrived;
    held.drop();
    expect(await answer).toBeInstanceOf(TypeError);
    expect(fake.sent).toHaveLength(1);
  });

  it('holds one send per call, first asked first used; refused sends are not held', async () => {
    const first = fake.holdSends();
    const second = fake.holdSends();
    fake.failNextSends(1, 503);
    expect((await post()).status).toBe(503);
    const answers = [post(), post()];
    const [a, b] = [await first.arrived, await second.arrived];
    expect(fake.sent).toEqual([a, b]);
    second.release();
    first.release();
    const bodies = await Promise.all(
      answers.map(async (r) => ((await (await r).json()) as { sid: string }).sid),
    );
    expect(new Set(bodies)).toEqual(new Set([a.sid, b.sid]));
    await expect(provider.send({ from: BUSINESS, to: CUSTOMER, body: 'not held' })).resolves.toBeTruthy();
  });
});
