// With the install's default (private networks not allowed), webhooks cannot be pointed into the server's own
// network: refused when saved if the URL says so, and at connect time if the name resolves there (resolved once, and
// the socket connects to exactly what was checked). The delivery log only ever says why in coarse words.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { login, makeApp } from './helper.js';
import { openTestStore } from './test-store.js';
import type { Store } from '../src/domain/store.js';
import {
  createWebhookService,
  type DispatcherOptions,
  type WebhookService,
  type WebhookServiceOptions,
} from '../src/domain/webhooks/index.js';

let app: FastifyInstance | undefined;
let store: Store | undefined;
let service: WebhookService | undefined;
const servers: http.Server[] = [];
afterEach(async () => {
  await app?.close();
  await service?.stop();
  await store?.close();
  app = store = service = undefined;
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  }
});

/** A receiver on `host` that counts what reaches it; `answer` gives the status (and a Location for 3xx). */
async function receiver(host = '127.0.0.1', answer: (res: http.ServerResponse) => void = (res) => res.end()) {
  const hits: string[] = [];
  const server = http.createServer((req, res) => {
    hits.push(req.url ?? '');
    answer(res);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return { hits, port: (server.address() as AddressInfo).port };
}

const FAST: Partial<DispatcherOptions> = {
  pollIntervalMs: 10,
  retryDelaysMs: [20],
  jitter: 0,
  maxAttempts: 2,
  requestTimeoutMs: 300,
};

/** The webhook service alone, on a store of its own, with an injected resolver. */
async function standalone(options: Partial<WebhookServiceOptions>) {
  const opened = await openTestStore();
  store = opened.store;
  service = createWebhookService(opened.store, {
    now: Date.now,
    onError: (err) => {
      throw err;
    },
    ...options,
    delivery: { ...FAST, ...options.delivery },
  });
  return service;
}

/** Waits for the delivery's last attempt to be over and returns it. */
async function settled(s: WebhookService, webhookId: string) {
  await expect
    .poll(async () => (await s.deliveries(webhookId))[0]?.status, { timeout: 5000, interval: 20 })
    .toBe('failed');
  return (await s.deliveries(webhookId))[0]!;
}

/** A webhook stored without the save-time check (as if its name resolved elsewhere when it was saved). */
async function plant(target: FastifyInstance, url: string) {
  await target.store.webhooks.insert(
    { id: 'hook-1', url, events: ['lead.created'], active: true, createdAt: 1 },
    'whsec_test',
  );
  await target.store.transaction(() =>
    target.domain.webhooks.enqueue('lead.created', { lead: { id: 'l1' } }),
  );
}

/** This host's first non-loopback IPv4 address, if it has one. */
const lanAddress = Object.values(os.networkInterfaces())
  .flatMap((list) => list ?? [])
  .find((i) => i.family === 'IPv4' && !i.internal)?.address;

describe('webhooks and internal addresses', () => {
  it('refuses internal URLs when saved, in every special-purpose range', async () => {
    app = await makeApp({ webhooksAllowPrivateNetworks: false });
    const admin = await login(app);
    for (const url of [
      'http://127.0.0.1:9/x',
      'http://localhost:8787/api',
      'http://169.254.169.254/latest',
      'http://[::1]/x',
      'http://192.0.2.10/x',
      'http://198.51.100.10/x',
      'http://203.0.113.10/x',
      'http://[64:ff9b::a9fe:a9fe]/latest',
      'http://[::7f00:1]/x',
      'http://[2002:7f00:1::1]/x',
      'http://[::ffff:127.0.0.1]/x',
      'http://[fd00::2]/x',
    ]) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/webhooks',
        headers: { cookie: admin },
        payload: { url, events: ['lead.created'] },
      });
      expect(res.statusCode, url).toBe(400);
      const { error } = res.json<{ error: { message: string; details?: { path: string }[] } }>();
      expect(error.message).toContain('public internet');
      // About the URL field, so the form shows it beside "Endpoint URL".
      expect(error.details?.map((d) => d.path)).toEqual(['body.url']);
    }
  });

  it('never sends to an internal address that slipped past the save check', async () => {
    app = await makeApp({ webhooksAllowPrivateNetworks: false });
    app.domain.webhooks.configure(FAST);
    const r = await receiver();
    await plant(app, `http://127.0.0.1:${r.port}/in`);
    const delivery = await settled(app.domain.webhooks, 'hook-1');
    expect(delivery).toMatchObject({ attempts: 2, lastError: 'refused: address not allowed' });
    expect(r.hits).toEqual([]);
  });

  it.skipIf(lanAddress === undefined)(
    "refuses a listener on this host's own non-loopback interface address",
    async () => {
      app = await makeApp({ webhooksAllowPrivateNetworks: false });
      app.domain.webhooks.configure(FAST);
      const r = await receiver(lanAddress);
      const url = `http://${lanAddress}:${r.port}/in`;
      const saved = await app.inject({
        method: 'POST',
        url: '/api/webhooks',
        headers: { cookie: await login(app) },
        payload: { url, events: ['lead.created'] },
      });
      expect(saved.statusCode).toBe(400);
      await plant(app, url);
      expect(await settled(app.domain.webhooks, 'hook-1')).toMatchObject({
        lastError: 'refused: address not allowed',
      });
      expect(r.hits).toEqual([]);
    },
  );

  it("refuses a name that resolves to one of this host's addresses, though that address is public", async () => {
    const s = await standalone({
      addresses: { resolve: async () => ['93.184.216.34'], ownAddresses: () => ['93.184.216.34'] },
    });
    const { webhook } = await s.create({ url: 'http://own-name.test:8080/in', events: ['lead.created'] });
    s.start();
    await s.enqueue('lead.created', {});
    expect(await settled(s, webhook.id)).toMatchObject({ lastError: 'refused: address not allowed' });
  });

  it('resolves once and connects only to the checked answer, never to a later private one (DNS rebinding)', async () => {
    const r = await receiver();
    // Public the first time, private ever after: a second resolution (check, then connect) would reach the receiver.
    const asked: string[][] = [];
    const s = await standalone({
      addresses: {
        resolve: async () => {
          const answer = asked.length === 0 ? ['93.184.216.34'] : ['127.0.0.1'];
          asked.push(answer);
          return answer;
        },
      },
      delivery: { maxAttempts: 1 },
    });
    const { webhook } = await s.create({ url: `http://rebind.test:${r.port}/in`, events: ['lead.created'] });
    s.start();
    await s.enqueue('lead.created', {});
    const delivery = await settled(s, webhook.id);
    expect(asked).toEqual([['93.184.216.34']]);
    expect(r.hits).toEqual([]);
    expect(delivery.lastError).toMatch(/^(timed out|connection failed|HTTP \d+)$/);
  });

  it('refuses a name when one of its answers is private, whatever the order', async () => {
    const r = await receiver();
    const s = await standalone({ addresses: { resolve: async () => ['93.184.216.34', '127.0.0.1'] } });
    const { webhook } = await s.create({ url: `http://mixed.test:${r.port}/in`, events: ['lead.created'] });
    s.start();
    await s.enqueue('lead.created', {});
    expect(await settled(s, webhook.id)).toMatchObject({ lastError: 'refused: address not allowed' });
    expect(r.hits).toEqual([]);
  });
});

describe('the delivery log stays coarse', () => {
  it('says "connection failed" with no errno or port; the detail goes to the debug log only', async () => {
    const r = await receiver();
    const port = r.port;
    await new Promise((resolve) => servers.pop()!.close(resolve)); // nobody listens there now
    const debug: Record<string, unknown>[] = [];
    const s = await standalone({ allowPrivateNetworks: true, onDebug: (detail) => debug.push(detail) });
    const { webhook } = await s.create({ url: `http://127.0.0.1:${port}/in`, events: ['lead.created'] });
    s.start();
    await s.enqueue('lead.created', {});
    const delivery = await settled(s, webhook.id);
    expect(delivery.lastError).toBe('connection failed');
    expect(JSON.stringify(await s.deliveries(webhook.id))).not.toContain(String(port));
    expect(debug[0]).toMatchObject({ err: { code: 'ECONNREFUSED' }, deliveryId: delivery.id });
  });

  it('says "timed out", and "HTTP 302" for a redirect, which is not followed', async () => {
    const hang = await receiver('127.0.0.1', () => {});
    const target = await receiver();
    const redirect = await receiver('127.0.0.1', (res) =>
      res.writeHead(302, { location: `http://127.0.0.1:${target.port}/elsewhere` }).end(),
    );
    const s = await standalone({ allowPrivateNetworks: true });
    const slow = (await s.create({ url: `http://127.0.0.1:${hang.port}/in`, events: ['lead.created'] }))
      .webhook;
    const moved = (await s.create({ url: `http://127.0.0.1:${redirect.port}/in`, events: ['lead.created'] }))
      .webhook;
    s.start();
    await s.enqueue('lead.created', {});
    expect((await settled(s, slow.id)).lastError).toBe('timed out');
    expect(await settled(s, moved.id)).toMatchObject({ lastStatusCode: 302, lastError: 'HTTP 302' });
    expect(redirect.hits).toHaveLength(2);
    expect(target.hits).toEqual([]);
  });
});
