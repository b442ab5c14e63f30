// webhooksApi against the real server, delivering to a receiver on 127.0.0.1: register, list, switch off,
// the delivery log, retrying a failed delivery, delete.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { conversationsApi, webhooksApi } from '../dashboard/src/api/index.js';
import { as, failure, server, teammate, visitorChat } from './setup.js';

let receiver: http.Server | undefined;
afterEach(async () => {
  receiver?.closeAllConnections();
  await new Promise((resolve) => (receiver ? receiver.close(resolve) : resolve(undefined)));
  receiver = undefined;
});

/** A receiver that fails its first `failures` requests with 500, then answers 200. */
async function listen(failures: number): Promise<{ url: string; received: string[] }> {
  const received: string[] = [];
  receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push(body);
      res.writeHead(received.length <= failures ? 500 : 200).end();
    });
  });
  await new Promise<void>((resolve) => receiver!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`, received };
}

describe('webhooksApi', () => {
  it('registers a webhook, logs a failed delivery, retries it to success, switches it off and deletes it', async () => {
    const { app, admin } = await server();
    app.domain.webhooks.configure({ maxAttempts: 1, pollIntervalMs: 10, jitter: 0 });
    const hook = await listen(1);

    const { webhook, secret } = await as(admin, () =>
      webhooksApi.create({ url: hook.url, events: ['conversation.closed'] }),
    );
    expect(webhook).toMatchObject({ url: hook.url, events: ['conversation.closed'], active: true });
    expect(secret.length).toBeGreaterThan(16);

    const { conversationId } = await visitorChat(app);
    await as(admin, () => conversationsApi.close(conversationId));

    await as(admin, async () => {
      expect(await webhooksApi.list()).toEqual([webhook]);
      await expect
        .poll(async () => (await webhooksApi.deliveries(webhook.id)).map((d) => d.status), { timeout: 5000 })
        .toEqual(['failed']);
      const [failed] = await webhooksApi.deliveries(webhook.id);
      expect(failed).toMatchObject({ event: 'conversation.closed', attempts: 1, lastStatusCode: 500 });

      const retried = await webhooksApi.retryDelivery(webhook.id, failed!.id);
      expect(retried).toMatchObject({ id: failed!.id, status: 'pending' });
      await expect
        .poll(async () => (await webhooksApi.deliveries(webhook.id)).map((d) => d.status), { timeout: 5000 })
        .toEqual(['succeeded']);
      expect(hook.received).toHaveLength(2);
      expect(hook.received[1]).toBe(hook.received[0]);
      await failure(webhooksApi.retryDelivery(webhook.id, failed!.id), 'conflict', 409);

      expect(await webhooksApi.update(webhook.id, { active: false })).toMatchObject({
        id: webhook.id,
        active: false,
      });
      expect((await webhooksApi.list())[0]!.active).toBe(false);
      await expect(webhooksApi.remove(webhook.id)).resolves.toBeUndefined();
      expect(await webhooksApi.list()).toEqual([]);
      await failure(webhooksApi.deliveries(webhook.id), 'not_found', 404);
      await failure(webhooksApi.remove(webhook.id), 'not_found', 404);
    });
  });

  it('refuses a bad URL with its field, and agents who are not admins', async () => {
    const { app, admin } = await server();
    const ann = await teammate(app, admin, 'Ann');
    const error = await failure(
      as(admin, () => webhooksApi.create({ url: 'ftp://example.com/hook', events: ['lead.created'] })),
      'invalid_request',
      400,
    );
    expect(error.details.map((d) => d.path)).toEqual(['body.url']);
    await failure(
      as(ann.browser, () => webhooksApi.list()),
      'forbidden',
      403,
    );
  });
});
