// SMS on two nodes (PostgreSQL + Redis): a text the provider posts to one node reaches an agent on the other, a
// delivery report taken by one node updates the thread on the other, and a send cut off by kill -9 on one node is
// finished by the other without texting the customer twice.
import { afterEach, expect, it } from 'vitest';
import { ConversationSchema, type Message } from '@livechat/shared/model';
import { SMS_WEBHOOK_PATHS } from '@livechat/shared/api';
import { startFakeTwilio, type FakeTwilio } from '../../../examples/fake-twilio/server.js';
import { ACCOUNT_SID, AUTH_TOKEN, CUSTOMER } from '../sms-helper.js';
import {
  cid,
  connectAgent,
  createAgent,
  eventually,
  expectStatus,
  request,
  signIn,
  startCluster,
  stopClusters,
  storedMessages,
  type Frame,
} from './cluster.js';

let fake: FakeTwilio | undefined;
afterEach(async () => {
  await stopClusters();
  await fake?.close();
}, 30_000);

it(
  'texts in and out, delivery reports and a killed send, across two nodes',
  { timeout: 120_000 },
  async () => {
    fake = await startFakeTwilio({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, callbackDelayMs: 5 });
    const { a, b } = await startCluster(2, {
      env: { TWILIO_ACCOUNT_SID: ACCOUNT_SID, TWILIO_AUTH_TOKEN: AUTH_TOKEN, TWILIO_API_BASE_URL: fake.url },
    });
    const admin = await signIn(a);
    const { sites } = await expectStatus(
      request<{ sites: { id: string }[] }>(a, 'GET', '/api/sites', { cookie: admin }),
      200,
    );
    const number = fake.numbers[0]!.phoneNumber;
    await expectStatus(
      request(b, 'PATCH', `/api/sites/${sites[0]!.id}/sms`, { cookie: admin, body: { number } }),
      200,
    );
    const ann = await createAgent(a, admin, 'Ann');
    const annOnA = await connectAgent(a, ann.cookie);

    // The customer texts; Twilio posts to node B; Ann's dashboard on node A shows it.
    fake.inboundWebhookUrl = b.origin + SMS_WEBHOOK_PATHS.messages;
    const posted = await fake.textFromPhone({ from: CUSTOMER, to: number, body: 'Is my order on its way?' });
    expect(posted!.responseStatus).toBe(200);
    const created = await annOnA.waitFor<Frame & { message: Message }>(
      (f) => f.type === 'message.created' && (f.message as Message).body === 'Is my order on its way?',
    );
    const conversationId = created.message.conversationId;
    await expectStatus(
      request(a, 'POST', `/api/conversations/${conversationId}/assign`, { cookie: ann.cookie }),
      200,
    );
    const conversation = ConversationSchema.parse(
      (
        await expectStatus(
          request<{ conversation: unknown }>(a, 'GET', `/api/conversations/${conversationId}`, {
            cookie: ann.cookie,
          }),
          200,
        )
      ).conversation,
    );
    expect(conversation.channel).toBe('sms');

    // Ann replies through node B: B sends, Twilio reports to B, and Ann's socket on A sees it delivered.
    const reply = (node: typeof a, body: string) =>
      expectStatus(
        request(node, 'POST', `/api/conversations/${conversationId}/messages`, {
          cookie: ann.cookie,
          body: { clientId: cid('sms'), body },
        }),
        201,
      );
    await reply(b, 'Yes, it ships today.');
    await annOnA.waitFor(
      (f) =>
        f.type === 'message.updated' &&
        (f.message as Message).body === 'Yes, it ships today.' &&
        (f.message as Message).delivery?.status === 'delivered',
    );

    // A send on node A is cut off by kill -9 after Twilio took it: node B finds it at Twilio, and never resends it.
    const held = fake.holdSends();
    await reply(a, 'Tracking number: 1Z999');
    await held.arrived;
    await a.kill('SIGKILL');
    const recorded = await eventually(
      async () => {
        const last = (await storedMessages(b, ann.cookie, conversationId)).at(-1);
        return last?.body === 'Tracking number: 1Z999' && last.delivery?.status !== 'queued'
          ? last
          : undefined;
      },
      { timeoutMs: 40_000, what: 'node B to record the text' },
    );
    expect(recorded.delivery?.status).toMatch(/sent|delivered/);
    expect(fake.sent.filter((m) => m.body === 'Tracking number: 1Z999')).toHaveLength(1);
    expect(fake.sent.filter((m) => m.body === 'Yes, it ships today.')).toHaveLength(1);
  },
);
