// SMS tests: a fake Twilio account, and an app that texts through it and listens on a real port (the fake posts its
// signed webhooks to the app's public URL, as Twilio would).
import type { FastifyInstance } from 'fastify';
import { startFakeTwilio, type FakeTwilio } from '../../examples/fake-twilio/server.js';
import { freePort } from '../../scripts/free-port.js';
import type { AppConfig } from '../src/config.js';
import { ADMIN, demoSite, login, makeApp } from './helper.js';
import { SMS_WEBHOOK_PATHS } from '@livechat/shared/api';

export const ACCOUNT_SID = `AC${'a1'.repeat(16)}`;
export const AUTH_TOKEN = 'fake-auth-token-0123456789';
export const CUSTOMER = '+14155550123';

export interface SmsSetup {
  app: FastifyInstance;
  fake: FakeTwilio;
  admin: string;
  siteId: string;
  publicUrl: string;
  /** The site's number once connected. */
  number: string;
  close(): Promise<void>;
}

/** Test timing: sends retried within a second, a lost attempt taken back after 1.5 s. */
export const FAST_OUTBOX: NonNullable<AppConfig['smsOutbox']> = {
  pollIntervalMs: 100,
  leaseMs: 1500,
  retryDelaysMs: [200, 400],
  maxAttempts: 4,
};

export async function startSmsApp({
  connect = true,
  overrides = {},
  callbackDelayMs = 5,
}: { connect?: boolean; overrides?: Partial<AppConfig>; callbackDelayMs?: number } = {}): Promise<SmsSetup> {
  const port = await freePort();
  const publicUrl = `http://127.0.0.1:${port}`;
  const fake = await startFakeTwilio({
    accountSid: ACCOUNT_SID,
    authToken: AUTH_TOKEN,
    inboundWebhookUrl: publicUrl + SMS_WEBHOOK_PATHS.messages,
    callbackDelayMs,
  });
  const app = await makeApp({
    publicUrl,
    twilio: { accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, apiBaseUrl: fake.url },
    smsOutbox: FAST_OUTBOX,
    ...overrides,
  });
  await app.listen({ port, host: '127.0.0.1' });
  const admin = await login(app, ADMIN.email, ADMIN.password);
  const siteId = (await demoSite(app)).id;
  const number = fake.numbers[0]!.phoneNumber;
  if (connect) {
    const res = await app.inject({
      method: 'PATCH',
      url: `/api/sites/${siteId}/sms`,
      headers: { cookie: admin },
      payload: { number },
    });
    if (res.statusCode !== 200) throw new Error(`connecting the number failed: ${res.body}`);
  }
  return {
    app,
    fake,
    admin,
    siteId,
    publicUrl,
    number,
    async close() {
      // The fake first: its last status callbacks reach a server still open, and none arrives while it closes.
      await fake.close();
      await app.close();
    },
  };
}

let clientIds = 0;
export const clientId = () => `sms-test-${Date.now().toString(36)}-${clientIds++}`;

/** The agent's green "New": a first text to a number. */
export const textNumber = (setup: SmsSetup, cookie: string, to: string, body: string, id = clientId()) =>
  setup.app.inject({
    method: 'POST',
    url: '/api/conversations',
    headers: { cookie },
    payload: { siteId: setup.siteId, channel: 'sms', to, clientId: id, body },
  });

/** The provider delivers the very same signed webhook again (as Twilio does when it retries). */
export const redeliver = (setup: SmsSetup, webhook: { signature: string; fields: Record<string, string> }) =>
  setup.app.inject({
    method: 'POST',
    url: SMS_WEBHOOK_PATHS.messages,
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': webhook.signature },
    payload: new URLSearchParams(webhook.fields).toString(),
  });
