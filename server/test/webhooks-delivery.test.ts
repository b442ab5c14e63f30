// Webhook delivery end to end, against real HTTP receivers on 127.0.0.1: the outbox, signatures, retries with
// backoff, giving up, subscriptions, switching off and deleting, and pending deliveries across a restart.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { WebhookDelivery, WebhookEvent } from '@livechat/shared/api';
import type { AppConfig } from '../src/config.js';
import { testDatabase } from './engine.js';
import { login, makeApp } from './helper.js';
import { verifySignature, type DispatcherOptions } from '../src/domain/webhooks/index.js';

/** What a receiver does with its n-th request (0-based). */
type Answer = 'ok' | 'fail' | 'reset' | 'hang';

interface Received {
  at: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

interface Receiver {
  url: string;
  port: number;
  requests: Received[];
  close(): Promise<void>;
}

const receivers: Receiver[] = [];
const apps: FastifyInstance[] = [];
const tempDirs: string[] = [];

afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
  for (const r of receivers.splice(0)) await r.close();
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** An HTTP receiver on 127.0.0.1 that answers its requests as `script` says (the last entry repeats). */
async function receiver(script: Answer[], port = 0): Promise<Receiver> {
  const requests: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const answer = script[Math.min(requests.length, script.length - 1)]!;
      requests.push({ at: Date.now(), headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      if (answer === 'ok') res.writeHead(200).end('thanks');
      else if (answer === 'fail') res.writeHead(500).end('oops');
      else if (answer === 'reset') req.socket.destroy();
      // 'hang': never answers; the dispatcher's timeout (or stop) ends it.
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const actual = (server.address() as AddressInfo).port;
  const r: Receiver = {
    url: `http://127.0.0.1:${actual}/hooks`,
    port: actual,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  receivers.push(r);
  return r;
}

/** A port with nobody listening on it (connections are refused). */
async function freePort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const FAST: Partial<DispatcherOptions> = {
  pollIntervalMs: 10,
  retryDelaysMs: [100, 300],
  jitter: 0,
  maxAttempts: 5,
  requestTimeoutMs: 2000,
  stopTimeoutMs: 200,
};

/** An app; given a database, on it, keeping what it stores (a restart). */
async function start(delivery: Partial<DispatcherOptions> = {}, database?: Partial<AppConfig>) {
  const app = await makeApp(database ?? {}, database ? { playbook: null } : {});
  apps.push(app);
  app.domain.webhooks.configure({ ...FAST, ...delivery });
  return app;
}

/** Registers a webhook through the API, as an admin would; returns its id and secret. */
async function register(app: FastifyInstance, url: string, events: WebhookEvent[] = ['lead.created']) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/webhooks',
    headers: { cookie: await admin(app) },
    payload: { url, events },
  });
  expect(res.statusCode).toBe(201);
  const { webhook, secret } = res.json<{ webhook: { id: string }; secret: string }>();
  return { id: webhook.id, secret };
}

/** Emits an event the way domain code does: inside the transaction of the change. */
const emit = (app: FastifyInstance, event: WebhookEvent, data: Record<string, unknown>) =>
  app.store.transaction(() => app.domain.webhooks.enqueue(event, data));

/** The admin's session, signed in once per app (sign-ins are rate limited). */
const cookies = new WeakMap<FastifyInstance, string>();
async function admin(app: FastifyInstance): Promise<string> {
  let cookie = cookies.get(app);
  if (!cookie) cookies.set(app, (cookie = await login(app)));
  return cookie;
}

async function deliveries(app: FastifyInstance, webhookId: string): Promise<WebhookDelivery[]> {
  const res = await app.inject({
    url: `/api/webhooks/${webhookId}/deliveries`,
    headers: { cookie: await admin(app) },
  });
  expect(res.statusCode).toBe(200);
  return res.json<{ deliveries: WebhookDelivery[] }>().deliveries;
}

async function until(probe: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('webhook delivery', () => {
  it('POSTs the committed event once, signed, with the documented headers and payload', async () => {
    const app = await start();
    const r = await receiver(['ok']);
    const { id, secret } = await register(app, r.url);
    await emit(app, 'lead.created', { leadId: 'L1', name: 'Ada' });
    await until(() => r.requests.length === 1);

    const [req] = r.requests;
    expect(req!.headers).toMatchObject({
      'content-type': 'application/json',
      'user-agent': 'LiveChat-Webhooks/1',
      'x-livechat-event': 'lead.created',
    });
    const payload = JSON.parse(req!.body) as Record<string, unknown>;
    expect(payload).toEqual({
      id: req!.headers['x-livechat-delivery'],
      event: 'lead.created',
      createdAt: expect.any(Number),
      data: { leadId: 'L1', name: 'Ada' },
    });
    const signature = req!.headers['x-livechat-signature'] as string;
    expect(signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifySignature(secret, signature, req!.body, 300)).toBe(true);
    expect(verifySignature(secret, signature, req!.body.replace('Ada', 'Eve'), 300)).toBe(false);
    expect(verifySignature(`${secret}x`, signature, req!.body, 300)).toBe(false);

    await until(async () => (await deliveries(app, id))[0]?.status === 'succeeded');
    expect(await deliveries(app, id)).toEqual([
      {
        id: payload.id,
        webhookId: id,
        event: 'lead.created',
        status: 'succeeded',
        attempts: 1,
        lastStatusCode: 200,
        lastError: null,
        nextAttemptAt: null,
        createdAt: payload.createdAt,
        deliveredAt: expect.any(Number),
      },
    ]);
  });

  it('sends nothing for a transaction that rolled back', async () => {
    const app = await start();
    const r = await receiver(['ok']);
    const { id } = await register(app, r.url);
    await expect(
      app.store.transaction(async () => {
        await app.domain.webhooks.enqueue('lead.created', { leadId: 'L1' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    await sleep(100);
    expect(r.requests).toHaveLength(0);
    expect(await deliveries(app, id)).toEqual([]);
  });

  it('retries a failing receiver with growing gaps, the same body each time, and never again after a 2xx', async () => {
    const app = await start();
    const r = await receiver(['fail', 'reset', 'ok']);
    const { id, secret } = await register(app, r.url);
    await emit(app, 'lead.created', { leadId: 'L1' });
    await until(() => r.requests.length === 3);
    await until(async () => (await deliveries(app, id))[0]?.status === 'succeeded');

    const [a, b, c] = r.requests;
    const gap1 = b!.at - a!.at;
    const gap2 = c!.at - b!.at;
    // The injected schedule is 100 ms, then 300 ms (no jitter); the poll interval adds up to 10 ms.
    expect(gap1).toBeGreaterThanOrEqual(100);
    expect(gap1).toBeLessThan(300);
    expect(gap2).toBeGreaterThanOrEqual(300);
    expect(gap2).toBeLessThan(600);
    for (const req of [b, c]) {
      expect(req!.body).toBe(a!.body);
      expect(req!.headers['x-livechat-delivery']).toBe(a!.headers['x-livechat-delivery']);
      expect(verifySignature(secret, req!.headers['x-livechat-signature'] as string, req!.body)).toBe(true);
    }
    expect(await deliveries(app, id)).toMatchObject([
      { status: 'succeeded', attempts: 3, lastStatusCode: 200, lastError: null, nextAttemptAt: null },
    ]);

    await sleep(150); // 15 poll intervals
    expect(r.requests).toHaveLength(3);
  });

  it('records why an attempt failed and when the next one is due', async () => {
    const app = await start({ retryDelaysMs: [60_000] });
    const r = await receiver(['fail']);
    const { id } = await register(app, r.url);
    const before = Date.now();
    await emit(app, 'lead.created', {});
    await until(async () => (await deliveries(app, id))[0]?.attempts === 1);
    const [d] = await deliveries(app, id);
    expect(d).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: 500, lastError: 'HTTP 500' });
    expect(d!.nextAttemptAt).toBeGreaterThanOrEqual(before + 60_000);
    expect(d!.deliveredAt).toBeNull();
  });

  it('times out a receiver that does not answer, and retries it', async () => {
    const app = await start({ requestTimeoutMs: 150, retryDelaysMs: [50], maxAttempts: 2 });
    const r = await receiver(['hang']);
    const { id } = await register(app, r.url);
    await emit(app, 'deal.created', {}); // not subscribed: ignored
    await emit(app, 'lead.created', {});
    await until(async () => (await deliveries(app, id))[0]?.status === 'failed');
    expect(r.requests).toHaveLength(2);
    expect(await deliveries(app, id)).toMatchObject([
      {
        status: 'failed',
        attempts: 2,
        lastStatusCode: null,
        lastError: 'timed out',
        nextAttemptAt: null,
      },
    ]);
  });

  it('gives up after the last attempt; an admin can retry a failed delivery once more', async () => {
    const app = await start({ retryDelaysMs: [20], maxAttempts: 3 });
    const script: Answer[] = ['fail'];
    const r = await receiver(script);
    const { id } = await register(app, r.url);
    await emit(app, 'conversation.closed', {}); // not subscribed
    await emit(app, 'lead.created', { leadId: 'L9' });
    await until(async () => (await deliveries(app, id))[0]?.status === 'failed');
    await sleep(100);
    expect(r.requests).toHaveLength(3);
    const [failed] = await deliveries(app, id);
    expect(failed).toMatchObject({
      status: 'failed',
      attempts: 3,
      lastStatusCode: 500,
      lastError: 'HTTP 500',
    });

    // Only a failed delivery can be retried: the receiver is fixed now.
    script[0] = 'ok';
    const cookie = await admin(app);
    const retry = await app.inject({
      method: 'POST',
      url: `/api/webhooks/${id}/deliveries/${failed!.id}/retry`,
      headers: { cookie },
    });
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toMatchObject({ delivery: { id: failed!.id, status: 'pending', attempts: 3 } });
    await until(async () => (await deliveries(app, id))[0]?.status === 'succeeded');
    expect(r.requests).toHaveLength(4);
    expect(r.requests[3]!.body).toBe(r.requests[0]!.body);
    expect(await deliveries(app, id)).toMatchObject([
      { status: 'succeeded', attempts: 4, lastStatusCode: 200 },
    ]);

    const again = await app.inject({
      method: 'POST',
      url: `/api/webhooks/${id}/deliveries/${failed!.id}/retry`,
      headers: { cookie },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: { code: 'conflict' } });
    await sleep(100);
    expect(r.requests).toHaveLength(4);
  });

  it('delivers each event only to the webhooks subscribed to it', async () => {
    const app = await start();
    const leads = await receiver(['ok']);
    const deals = await receiver(['ok']);
    const both = await receiver(['ok']);
    const l = await register(app, leads.url, ['lead.created']);
    const d = await register(app, deals.url, ['deal.created']);
    await register(app, both.url, ['lead.created', 'deal.created']);
    await emit(app, 'lead.created', { n: 1 });
    await emit(app, 'conversation.closed', { n: 2 });
    await until(() => leads.requests.length === 1 && both.requests.length === 1);
    await sleep(100);
    expect(deals.requests).toHaveLength(0);
    expect(await deliveries(app, d.id)).toEqual([]);
    expect(leads.requests.map((q) => q.headers['x-livechat-event'])).toEqual(['lead.created']);
    expect(both.requests.map((q) => q.headers['x-livechat-event'])).toEqual(['lead.created']);
    expect(await deliveries(app, l.id)).toHaveLength(1);
  });

  it('sends nothing to an inactive webhook; what was pending waits until it is switched on again', async () => {
    const app = await start({ retryDelaysMs: [400] });
    const r = await receiver(['fail', 'ok']);
    const { id } = await register(app, r.url);
    const cookie = await admin(app);
    const setActive = (active: boolean) =>
      app.inject({ method: 'PATCH', url: `/api/webhooks/${id}`, headers: { cookie }, payload: { active } });

    await emit(app, 'lead.created', { n: 1 });
    await until(() => r.requests.length === 1); // fails; the retry is due in 400 ms
    expect((await setActive(false)).statusCode).toBe(200);
    await emit(app, 'lead.created', { n: 2 }); // not recorded at all: the webhook is off
    await sleep(600);
    expect(r.requests).toHaveLength(1);
    expect(await deliveries(app, id)).toMatchObject([{ status: 'pending', attempts: 1 }]);

    expect((await setActive(true)).statusCode).toBe(200);
    await until(async () => (await deliveries(app, id))[0]?.status === 'succeeded');
    expect(r.requests).toHaveLength(2);
    expect(JSON.parse(r.requests[1]!.body)).toMatchObject({ data: { n: 1 } });
  });

  it('stops sending what was pending for a deleted webhook', async () => {
    const app = await start({ retryDelaysMs: [400] });
    const r = await receiver(['fail', 'ok']);
    const { id } = await register(app, r.url);
    await emit(app, 'lead.created', { n: 1 });
    await until(() => r.requests.length === 1); // fails; the retry is due in 400 ms
    const del = await app.inject({
      method: 'DELETE',
      url: `/api/webhooks/${id}`,
      headers: { cookie: await admin(app) },
    });
    expect(del.statusCode).toBe(204);
    await emit(app, 'lead.created', { n: 2 });
    await sleep(600);
    expect(r.requests).toHaveLength(1);
  });

  describe('across a restart (a database that persists)', () => {
    /** A database two apps in turn open: a SQLite file, or one PostgreSQL schema. */
    const sharedDatabase = () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'livechat-webhooks-'));
      tempDirs.push(dir);
      return testDatabase(path.join(dir, 'chat.db'));
    };

    it('delivers, once, what was pending while the receiver was down', async () => {
      const database = await sharedDatabase();
      const port = await freePort();
      const first = await start({}, database);
      const { id, secret } = await register(first, `http://127.0.0.1:${port}/hooks`);
      await emit(first, 'lead.created', { leadId: 'L1' });
      await until(async () => (await deliveries(first, id))[0]?.attempts === 1);
      expect((await deliveries(first, id))[0]).toMatchObject({ status: 'pending', lastStatusCode: null });
      expect((await deliveries(first, id))[0]!.lastError).toBe('connection failed');
      await first.close();
      apps.splice(apps.indexOf(first), 1);

      const r = await receiver(['ok'], port);
      const second = await start({}, database);
      await until(async () => (await deliveries(second, id))[0]?.status === 'succeeded');
      await sleep(100);
      expect(r.requests).toHaveLength(1);
      expect(
        verifySignature(
          secret,
          r.requests[0]!.headers['x-livechat-signature'] as string,
          r.requests[0]!.body,
        ),
      ).toBe(true);
      expect(await deliveries(second, id)).toMatchObject([
        { status: 'succeeded', attempts: 2, lastStatusCode: 200 },
      ]);
    });

    it('sends again, with the same id and body, a request cut off by the shutdown (at least once)', async () => {
      const database = await sharedDatabase();
      const script: Answer[] = ['hang'];
      const r = await receiver(script);
      const first = await start({}, database);
      const { id } = await register(first, r.url);
      await emit(first, 'deal.created', {});
      await emit(first, 'lead.created', { leadId: 'L1' });
      await until(() => r.requests.length === 1);
      const closing = Date.now();
      await first.close(); // waits stopTimeoutMs (200) for the hanging request, then aborts it
      expect(Date.now() - closing).toBeLessThan(2000);
      apps.splice(apps.indexOf(first), 1);

      script[0] = 'ok';
      const second = await start({}, database);
      await until(async () => (await deliveries(second, id))[0]?.status === 'succeeded');
      await sleep(100);
      expect(r.requests).toHaveLength(2);
      expect(r.requests[1]!.body).toBe(r.requests[0]!.body);
      expect(r.requests[1]!.headers['x-livechat-delivery']).toBe(
        r.requests[0]!.headers['x-livechat-delivery'],
      );
    });
  });
});
