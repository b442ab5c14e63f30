// The inbox's events reach webhook subscribers: lead.created, deal.created and conversation.closed, signed.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { verifySignature } from '../src/domain/webhooks/index.js';
import { closeTestSockets, makeApp } from './helper.js';
import { EMPTY_DETAILS, call, inbox, visitorChat } from './inbox-helper.js';

let app: FastifyInstance;
let receiver: http.Server | undefined;
afterEach(async () => {
  closeTestSockets();
  await app?.close();
  await new Promise((resolve) => (receiver ? receiver.close(resolve) : resolve(undefined)));
});

interface Received {
  event: string;
  body: string;
  signature: string;
}

describe('webhook events from the inbox', () => {
  it('sends lead.created, deal.created and conversation.closed, each signed and once', async () => {
    const received: Received[] = [];
    receiver = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        received.push({
          event: String(req.headers['x-livechat-event']),
          body,
          signature: String(req.headers['x-livechat-signature']),
        });
        res.end('ok');
      });
    });
    await new Promise<void>((resolve) => receiver!.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;

    app = await makeApp();
    const { admin, ann } = await inbox(app);
    const created = await call(app, admin, 'POST', '/api/webhooks', {
      url,
      events: ['lead.created', 'deal.created', 'conversation.closed'],
    });
    const { secret } = created.json<{ secret: string }>();
    const { conversationId: id } = await visitorChat(app);
    const details = {
      ...EMPTY_DETAILS,
      contactName: 'Vera',
      dealValue: { amount: '99.90', currency: 'EUR' },
    };
    await call(app, ann.cookie, 'POST', `/api/conversations/${id}/records`, { kind: 'lead', details });
    await call(app, ann.cookie, 'POST', `/api/conversations/${id}/records`, { kind: 'deal', details });
    await call(app, ann.cookie, 'POST', `/api/conversations/${id}/close`);

    await expect.poll(() => received.length, { timeout: 5000 }).toBe(3);
    await new Promise((r) => setTimeout(r, 300));
    expect(received.map((r) => r.event).sort()).toEqual([
      'conversation.closed',
      'deal.created',
      'lead.created',
    ]);
    for (const r of received) expect(verifySignature(secret, r.signature, r.body)).toBe(true);
    const byEvent = Object.fromEntries(
      received.map((r) => [r.event, JSON.parse(r.body) as { data: Record<string, unknown> }]),
    );
    expect(byEvent['lead.created']!.data.lead).toMatchObject({
      kind: 'lead',
      title: 'Vera lead',
      conversationId: id,
    });
    expect(byEvent['deal.created']!.data.deal).toMatchObject({ value: { amount: '99.90', currency: 'EUR' } });
    expect(byEvent['conversation.closed']!.data).toMatchObject({
      conversation: { id },
      closedBy: { name: 'Ann' },
    });
  });
});
