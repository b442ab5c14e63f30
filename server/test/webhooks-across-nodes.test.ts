// Two nodes on one PostgreSQL database share the webhook outbox: both dispatchers poll it, and each delivery is
// sent by one of them (claimed before it goes out), not by both.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { testDatabase } from './engine.js';
import { login, makeApp } from './helper.js';

const apps: FastifyInstance[] = [];
let server: http.Server | undefined;
afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

it('sends each delivery once when two nodes poll the same outbox', { timeout: 30_000 }, async () => {
  const received: string[] = [];
  // A slow receiver: the deliveries stay in flight on one node while the other polls.
  server = http.createServer((req, res) => {
    received.push(String(req.headers['x-livechat-delivery']));
    req.resume();
    setTimeout(() => res.writeHead(200).end('ok'), 150);
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;

  const database = await testDatabase();
  const a = await makeApp(database);
  const b = await makeApp(database, { playbook: null });
  apps.push(a, b);
  for (const app of [a, b]) app.domain.webhooks.configure({ pollIntervalMs: 10, concurrency: 8 });
  const created = await a.inject({
    method: 'POST',
    url: '/api/webhooks',
    headers: { cookie: await login(a) },
    payload: { url, events: ['lead.created'] },
  });
  expect(created.statusCode).toBe(201);

  const events = 20;
  for (let i = 0; i < events; i++)
    await a.store.transaction(() => a.domain.webhooks.enqueue('lead.created', { n: i }));
  const deadline = Date.now() + 20_000;
  while (new Set(received).size < events && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 50));
  // Both nodes keep polling for a while longer: nothing is sent again.
  await new Promise((r) => setTimeout(r, 500));
  expect(new Set(received).size).toBe(events);
  expect(received).toHaveLength(events);
});
