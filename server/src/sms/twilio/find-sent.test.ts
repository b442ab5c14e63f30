// Finding a text Twilio accepted though the sender never heard so, against the fake Twilio over real HTTP: the fake
// holds a send's answer back, which is where an outbox killed mid-send leaves its attempt.
import net from 'node:net';
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeTwilio, type FakeTwilio } from '../../../../examples/fake-twilio/server.js';
import { SmsRefusedError, SmsTemporaryError, type SentQuery, type SmsProvider } from '../provider.js';
import { CLOCK_SKEW_MS, newestMatch, type ListedMessage } from './find-sent.js';
import { createTwilioProvider } from './index.js';

const accountSid = `AC${randomBytes(16).toString('hex')}`;
const authToken = randomBytes(16).toString('hex');
const FROM = '+12025550100';
const TO = '+15555550123';
const BODY = 'Your table is ready';

let fake: FakeTwilio;
let provider: SmsProvider;

beforeEach(async () => {
  fake = await startFakeTwilio({
    accountSid,
    authToken,
    numbers: [{ phoneNumber: FROM }, { phoneNumber: '+12025550101' }],
    callbackDelayMs: 0,
  });
  provider = createTwilioProvider({ accountSid, authToken, apiBase: fake.url });
});
afterEach(() => fake.close());

const query = (change: Partial<SentQuery> = {}): SentQuery => ({
  from: FROM,
  to: TO,
  body: BODY,
  since: Date.now(),
  exclude: new Set(),
  ...change,
});

describe('after a send whose answer never came', () => {
  it('finds the text Twilio accepted, so the outbox records it instead of sending it again', async () => {
    const since = Date.now();
    const held = fake.holdSends();
    const sending = provider.send({ from: FROM, to: TO, body: BODY });
    const accepted = await held.arrived;

    await expect(provider.findSent(query({ since }))).resolves.toEqual({
      providerMessageId: accepted.sid,
      status: expect.stringMatching(/^(queued|sent|delivered)$/),
    });
    expect(fake.sent).toHaveLength(1);

    held.release();
    await expect(sending).resolves.toMatchObject({ providerMessageId: accepted.sid });
  });

  it('finds it when the connection broke after Twilio accepted it', async () => {
    fake.holdSends().drop();
    const error = await provider.send({ from: FROM, to: TO, body: BODY }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SmsTemporaryError);
    expect(error).toMatchObject({ reason: 'network' });
    await expect(provider.findSent(query({ since: Date.now() - 1000 }))).resolves.toMatchObject({
      providerMessageId: fake.sent[0]!.sid,
    });
  });

  it('gives the status the text has now', async () => {
    const { providerMessageId } = await provider.send({ from: FROM, to: TO, body: BODY });
    await fake.settled();
    await expect(provider.findSent(query({ since: Date.now() - 1000 }))).resolves.toEqual({
      providerMessageId,
      status: 'delivered',
    });
  });
});

describe('finds nothing, so sending again will not send twice,', () => {
  beforeEach(async () => {
    await provider.send({ from: FROM, to: TO, body: BODY });
  });

  it.each([
    ['when no text was accepted at all', { to: '+15555550188' }],
    ['for another text to the same person', { body: 'Your table is almost ready' }],
    ['for the same text from another number', { from: '+12025550101' }],
    ['for a text sent before the attempt began', { since: Date.now() + 60_000 }],
  ] as const)('%s', async (_, change) => {
    await expect(provider.findSent(query({ since: Date.now() - 1000, ...change }))).resolves.toBeNull();
  });

  it('for a text the inbox already recorded', async () => {
    const known = new Set(fake.sent.map((m) => m.sid));
    await expect(provider.findSent(query({ since: 0, exclude: known }))).resolves.toBeNull();
  });
});

it('takes the newest of the same text sent twice, and the other once the newest is known', async () => {
  const first = await provider.send({ from: FROM, to: TO, body: BODY });
  const second = await provider.send({ from: FROM, to: TO, body: BODY });
  const found = await provider.findSent(query({ since: 0 }));
  expect(found?.providerMessageId).toBe(second.providerMessageId);
  const exclude = new Set([second.providerMessageId]);
  expect((await provider.findSent(query({ since: 0, exclude })))?.providerMessageId).toBe(
    first.providerMessageId,
  );
});

it('ignores the texts the person sent to the number', async () => {
  await fake.textFromPhone({ from: TO, to: FROM, body: BODY });
  await expect(provider.findSent(query({ since: 0 }))).resolves.toBeNull();
});

describe('fails as a send does', () => {
  it('for good when the credentials are wrong', async () => {
    const wrong = createTwilioProvider({ accountSid, authToken: 'not-the-token', apiBase: fake.url });
    const error = await wrong.findSent(query()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SmsRefusedError);
    expect(error).toMatchObject({ code: 'auth_failed', providerCode: 20003 });
  });

  it('for now when Twilio cannot be reached', async () => {
    const offline = createTwilioProvider({
      accountSid,
      authToken,
      apiBase: `http://127.0.0.1:${await freePort()}`,
    });
    await expect(offline.findSent(query())).rejects.toMatchObject({ reason: 'network', retryable: true });
  });
});

describe('matching a listed message', () => {
  const at = Date.parse('Tue, 01 Dec 2026 10:00:00 +0000');
  const listed = (sid: string, date_created: string | null, body = BODY): ListedMessage => ({
    sid,
    status: 'sent',
    body,
    date_created,
  });

  it("allows for Twilio's second-precision dates and clock skew, no more", () => {
    const messages = [listed('SM2', 'Tue, 01 Dec 2026 10:00:00 +0000')];
    expect(newestMatch(messages, query({ since: at + CLOCK_SKEW_MS }))?.sid).toBe('SM2');
    expect(newestMatch(messages, query({ since: at + CLOCK_SKEW_MS + 1 }))).toBeNull();
  });

  it('reads dates in any offset', () => {
    const messages = [listed('SM1', 'Tue, 01 Dec 2026 05:00:00 -0500')];
    expect(newestMatch(messages, query({ since: at }))?.sid).toBe('SM1');
  });

  it('takes the newest by date, and the first listed within a second', () => {
    const messages = [
      listed('SM-older', 'Tue, 01 Dec 2026 10:00:00 +0000'),
      listed('SM-newer', 'Tue, 01 Dec 2026 10:00:03 +0000'),
      listed('SM-same-second', 'Tue, 01 Dec 2026 10:00:03 +0000'),
    ];
    expect(newestMatch(messages, query({ since: at }))?.sid).toBe('SM-newer');
  });

  it('does not guess about a matching text without a readable date', () => {
    expect(() => newestMatch([listed('SM1', null)], query({ since: at }))).toThrow(SmsTemporaryError);
    expect(() => newestMatch([listed('SM1', 'yesterday')], query({ since: at }))).toThrow(
      'Twilio listed message SM1 without a readable creation date (yesterday).',
    );
    expect(newestMatch([listed('SM1', null, 'other text')], query({ since: at }))).toBeNull();
  });
});

/** A port nothing listens on: taken, then released. */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
