// A text is never sent twice, even when the server is killed (kill -9) after Twilio took it but before the server
// heard back: the restarted server finds the text at Twilio and records it instead of sending it again. SQLite, one
// process; the same on PostgreSQL across nodes is in nodes/sms-across-nodes.test.ts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import {
  MessageListBodySchema,
  NewConversationResponseSchema,
  SMS_WEBHOOK_PATHS,
} from '@livechat/shared/api';
import { startFakeTwilio, type FakeTwilio } from '../../examples/fake-twilio/server.js';
import { freePort } from '../../scripts/free-port.js';
import { testEngine } from './engine.js';
import {
  cid,
  ensureServerBuilt,
  eventually,
  expectStatus,
  request,
  signIn,
  startNode,
  type ServerNode,
} from './nodes/cluster.js';
import { ACCOUNT_SID, AUTH_TOKEN, CUSTOMER } from './sms-helper.js';

let fake: FakeTwilio | undefined;
let node: ServerNode | undefined;
let dataDir: string | undefined;
afterEach(async () => {
  await node?.kill('SIGKILL');
  await fake?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

it.skipIf(testEngine !== 'sqlite')(
  'a send cut off by kill -9 is found at Twilio after the restart, not sent again',
  { timeout: 90_000 },
  async () => {
    await ensureServerBuilt();
    const port = await freePort();
    fake = await startFakeTwilio({
      accountSid: ACCOUNT_SID,
      authToken: AUTH_TOKEN,
      inboundWebhookUrl: `http://127.0.0.1:${port}${SMS_WEBHOOK_PATHS.messages}`,
      callbackDelayMs: 5,
    });
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'livechat-sms-kill-'));
    const options = {
      databaseUrl: null,
      redisUrl: null,
      dataDir,
      port,
      env: { TWILIO_ACCOUNT_SID: ACCOUNT_SID, TWILIO_AUTH_TOKEN: AUTH_TOKEN, TWILIO_API_BASE_URL: fake.url },
    };
    node = await startNode('A', options);
    const admin = await signIn(node);
    const { sites } = await expectStatus(
      request<{ sites: { id: string }[] }>(node, 'GET', '/api/sites', { cookie: admin }),
      200,
    );
    const siteId = sites[0]!.id;
    const number = fake.numbers[0]!.phoneNumber;
    await expectStatus(
      request(node, 'PATCH', `/api/sites/${siteId}/sms`, { cookie: admin, body: { number } }),
      200,
    );

    const held = fake.holdSends();
    const started = NewConversationResponseSchema.parse(
      await expectStatus(
        request(node, 'POST', '/api/conversations', {
          cookie: admin,
          body: {
            siteId,
            channel: 'sms',
            to: CUSTOMER,
            clientId: cid('sms'),
            body: 'Your order has shipped',
          },
        }),
        201,
      ),
    );
    // Twilio has the text; the server is killed before it hears so.
    await held.arrived;
    await node.kill('SIGKILL');
    expect(fake.sent).toHaveLength(1);

    node = await startNode('A', options);
    const again = await signIn(node);
    const url = `/api/conversations/${started.conversation.id}/messages`;
    const delivered = await eventually(
      async () => {
        const { messages } = MessageListBodySchema.parse(
          await expectStatus(request(node!, 'GET', url, { cookie: again }), 200),
        );
        const status = messages[0]?.delivery?.status;
        return status && status !== 'queued' ? status : undefined;
      },
      { timeoutMs: 40_000, what: 'the text to be recorded as sent' },
    );
    expect(['sent', 'delivered']).toContain(delivered);
    expect(fake.sent).toHaveLength(1);
  },
);
