// The Twilio client over real HTTP against the fake Twilio (examples/fake-twilio), which answers with Twilio's codes.
import net from 'node:net';
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeTwilio, type FakeTwilio } from '../../../../examples/fake-twilio/server.js';
import { SmsRefusedError, SmsTemporaryError } from '../provider.js';
import { createTwilioClient, type TwilioClient } from './client.js';

const accountSid = `AC${randomBytes(16).toString('hex')}`;
const authToken = randomBytes(16).toString('hex');
const FROM = '+12025550100';
const TO = '+15555550123';

let fake: FakeTwilio;
let client: TwilioClient;

beforeEach(async () => {
  fake = await startFakeTwilio({
    accountSid,
    authToken,
    numbers: [
      { phoneNumber: FROM, friendlyName: 'Support' },
      { phoneNumber: '+12025550101' },
      { phoneNumber: '+12025550102' },
      { phoneNumber: '+12025550103' },
      { phoneNumber: '+12025550104' },
    ],
    optedOut: ['+15555550199'],
    maxPageSize: 2,
    callbackDelayMs: 0,
  });
  client = createTwilioClient({ accountSid, authToken, apiBase: fake.url });
});
afterEach(() => fake.close());

/** The error a promise fails with (the test fails if it does not). */
async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.unreachable('expected a failure'),
    (error: unknown) => error,
  );
}

describe('sending', () => {
  it('hands the text over and returns its id and first status', async () => {
    // The fake posts its status callbacks to itself here (it answers 404): nothing leaves the machine.
    const statusCallbackUrl = `${fake.url}/sms/status?site=1`;
    const result = await client.sendMessage({
      from: FROM,
      to: TO,
      body: 'Your order shipped & is on its way',
      statusCallbackUrl,
    });
    expect(result.providerMessageId).toMatch(/^SM[0-9a-f]{32}$/);
    expect(result.status).toBe('queued');
    expect(fake.sent).toEqual([
      {
        sid: result.providerMessageId,
        from: FROM,
        to: TO,
        body: 'Your order shipped & is on its way',
        statusCallback: statusCallbackUrl,
      },
    ]);
  });

  it('sends an MMS: one MediaUrl field per picture, in order, with words or pictures alone', async () => {
    // Nothing listens there: the fake's fetch fails at once (the send itself is what is checked here).
    const mediaUrls = ['http://127.0.0.1:9/files/a?for=provider', 'http://127.0.0.1:9/files/b?for=provider'];
    await client.sendMessage({ from: FROM, to: TO, body: '', mediaUrls });
    await client.sendMessage({ from: FROM, to: TO, body: 'With words', mediaUrls: mediaUrls.slice(1) });
    expect(fake.sent.map((m) => [m.body, m.mediaUrls])).toEqual([
      ['', mediaUrls],
      ['With words', mediaUrls.slice(1)],
    ]);
  });

  it.each([
    ['a recipient who opted out', { to: '+15555550199' }, 'opted_out', 21610],
    ['a recipient that is not a phone number', { to: '555-0123' }, 'invalid_recipient', 21211],
    ['an empty text', { body: '' }, 'empty_body', 21602],
    ['a number the account does not own', { from: '+19995550100' }, 'invalid_sender', 21659],
  ])('refuses %s for good', async (_, change, code, providerCode) => {
    const error = await failure(client.sendMessage({ from: FROM, to: TO, body: 'hi', ...change }));
    expect(error).toBeInstanceOf(SmsRefusedError);
    expect(error).toMatchObject({ code, providerCode, retryable: false });
    expect((error as SmsRefusedError).providerMessage).toBeTruthy();
    expect(fake.sent).toEqual([]);
  });

  it('says plainly when the credentials are wrong', async () => {
    const wrong = createTwilioClient({ accountSid, authToken: 'not-the-token', apiBase: fake.url });
    const error = await failure(wrong.sendMessage({ from: FROM, to: TO, body: 'hi' }));
    expect(error).toMatchObject({ code: 'auth_failed', providerCode: 20003 });
    expect((error as Error).message).toMatch(/Account SID and auth token/);
  });

  it('fails for now, not for good, while Twilio has trouble, then sends', async () => {
    fake.failNextSends(2, 500);
    for (let attempt = 0; attempt < 2; attempt++) {
      const error = await failure(client.sendMessage({ from: FROM, to: TO, body: 'hi' }));
      expect(error).toBeInstanceOf(SmsTemporaryError);
      expect(error).toMatchObject({ reason: 'server_error', retryable: true, providerCode: 20500 });
    }
    await expect(client.sendMessage({ from: FROM, to: TO, body: 'hi' })).resolves.toMatchObject({
      status: 'queued',
    });
    expect(fake.sent).toHaveLength(1);
  });

  it("reads a 429's Retry-After", async () => {
    fake.failNextSends(1, 429);
    const error = await failure(client.sendMessage({ from: FROM, to: TO, body: 'hi' }));
    expect(error).toMatchObject({ reason: 'rate_limited', retryAfterMs: 1000, providerCode: 20429 });
  });

  it('fails for now when nothing listens on the port', async () => {
    const closed = await freePort();
    const offline = createTwilioClient({ accountSid, authToken, apiBase: `http://127.0.0.1:${closed}` });
    const error = await failure(offline.sendMessage({ from: FROM, to: TO, body: 'hi' }));
    expect(error).toBeInstanceOf(SmsTemporaryError);
    expect(error).toMatchObject({ reason: 'network' });
    expect((error as Error).message).toContain('ECONNREFUSED');
  });

  it('gives up on a server that never answers, after the timeout', async () => {
    const sockets: net.Socket[] = [];
    const silent = net.createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = silent.address() as net.AddressInfo;
      const slow = createTwilioClient(
        { accountSid, authToken, apiBase: `http://127.0.0.1:${port}` },
        { timeoutMs: 200 },
      );
      const error = await failure(slow.sendMessage({ from: FROM, to: TO, body: 'hi' }));
      expect(error).toMatchObject({ reason: 'timeout', retryable: true });
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});

describe('listing numbers', () => {
  it('follows the pages to the end', async () => {
    const numbers = await client.listIncomingNumbers();
    expect(numbers.map((n) => n.phoneNumber)).toEqual([
      FROM,
      '+12025550101',
      '+12025550102',
      '+12025550103',
      '+12025550104',
    ]);
    expect(numbers[0]).toMatchObject({
      friendlyName: 'Support',
      providerId: expect.stringMatching(/^PN[0-9a-f]{32}$/),
    });
  });

  it('refuses wrong credentials the same way as a send', async () => {
    const wrong = createTwilioClient({ accountSid: `AC${'1'.repeat(32)}`, authToken, apiBase: fake.url });
    await expect(wrong.listIncomingNumbers()).rejects.toMatchObject({ code: 'auth_failed' });
  });
});

it('refuses credentials that are missing, with a readable message', () => {
  expect(() => createTwilioClient({ accountSid: ' ', authToken })).toThrow(
    'the Twilio Account SID is required',
  );
  expect(() => createTwilioClient({ accountSid, authToken, apiBase: 'ftp://x' })).toThrow(
    'the Twilio API base must be an http(s) URL',
  );
});

/** A port nothing listens on: taken, then released. */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
