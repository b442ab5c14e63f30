// Webhook administration over HTTP: admins only, the secret shown once, field-level validation, 404 for unknown ids.
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createAgent, login, makeApp } from './helper.js';

let app: FastifyInstance;
afterEach(async () => {
  await app?.close();
});

type Json = Record<string, unknown>;
const call = (
  cookie: string | null,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  payload?: Json,
) => app.inject({ method, url, headers: cookie ? { cookie } : {}, ...(payload ? { payload } : {}) });

async function create(
  cookie: string,
  payload: Json = { url: 'https://hooks.example.com/in', events: ['lead.created'] },
) {
  const res = await call(cookie, 'POST', '/api/webhooks', payload);
  expect(res.statusCode).toBe(201);
  return res.json<{ webhook: { id: string }; secret: string }>();
}

describe('webhook routes', () => {
  it('creates a webhook and shows its secret once; the list and updates never show it', async () => {
    app = await makeApp();
    const admin = await login(app);
    const created = await create(admin, {
      url: 'https://hooks.example.com/in',
      events: ['deal.created', 'lead.created', 'deal.created'],
    });
    expect(created).toEqual({
      webhook: {
        id: expect.any(String),
        url: 'https://hooks.example.com/in',
        events: ['lead.created', 'deal.created'],
        active: true,
        createdAt: expect.any(Number),
      },
      secret: expect.stringMatching(/^whsec_[A-Za-z0-9_-]{43}$/),
    });

    const list = await call(admin, 'GET', '/api/webhooks');
    expect(list.statusCode).toBe(200);
    expect(list.json()).toEqual({ webhooks: [created.webhook] });
    expect(list.body).not.toContain(created.secret);

    const patched = await call(admin, 'PATCH', `/api/webhooks/${created.webhook.id}`, {
      url: 'http://127.0.0.1:9/hook',
      events: ['conversation.closed'],
      active: false,
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toEqual({
      webhook: {
        ...created.webhook,
        url: 'http://127.0.0.1:9/hook',
        events: ['conversation.closed'],
        active: false,
      },
    });
    expect(patched.body).not.toContain(created.secret);
    const partial = await call(admin, 'PATCH', `/api/webhooks/${created.webhook.id}`, { active: true });
    expect(partial.json()).toMatchObject({ webhook: { url: 'http://127.0.0.1:9/hook', active: true } });

    const deliveries = await call(admin, 'GET', `/api/webhooks/${created.webhook.id}/deliveries`);
    expect(deliveries.json()).toEqual({ deliveries: [] });

    // A second webhook gets its own secret.
    expect((await create(admin)).secret).not.toBe(created.secret);
  });

  it('deletes a webhook: 204, then 404 everywhere for its id', async () => {
    app = await makeApp();
    const admin = await login(app);
    const { webhook } = await create(admin);
    const del = await call(admin, 'DELETE', `/api/webhooks/${webhook.id}`);
    expect(del.statusCode).toBe(204);
    expect(del.body).toBe('');
    expect((await call(admin, 'GET', '/api/webhooks')).json()).toEqual({ webhooks: [] });
    for (const res of [
      await call(admin, 'DELETE', `/api/webhooks/${webhook.id}`),
      await call(admin, 'PATCH', `/api/webhooks/${webhook.id}`, { active: false }),
      await call(admin, 'GET', `/api/webhooks/${webhook.id}/deliveries`),
      await call(admin, 'POST', `/api/webhooks/${webhook.id}/deliveries/nope/retry`),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ error: { code: 'not_found' } });
    }
  });

  it('answers 404 for an unknown delivery of a known webhook', async () => {
    app = await makeApp();
    const admin = await login(app);
    const { webhook } = await create(admin);
    const res = await call(admin, 'POST', `/api/webhooks/${webhook.id}/deliveries/unknown-id/retry`);
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: { code: 'not_found', message: 'Delivery not found' } });
  });

  it('refuses agents (403) and anonymous callers (401) on every route, and changes nothing', async () => {
    app = await makeApp();
    const admin = await login(app);
    const bob = await createAgent(app, admin, 'Bob');
    const { webhook } = await create(admin);
    const routes: [method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: Json][] = [
      ['GET', '/api/webhooks'],
      ['POST', '/api/webhooks', { url: 'https://evil.example.com/', events: ['lead.created'] }],
      ['PATCH', `/api/webhooks/${webhook.id}`, { url: 'https://evil.example.com/' }],
      ['DELETE', `/api/webhooks/${webhook.id}`],
      ['GET', `/api/webhooks/${webhook.id}/deliveries`],
      ['POST', `/api/webhooks/${webhook.id}/deliveries/some-id/retry`],
    ];
    for (const [method, url, payload] of routes) {
      const asAgent = await call(bob.cookie, method, url, payload);
      expect(asAgent.statusCode, `${method} ${url}`).toBe(403);
      expect(asAgent.json()).toMatchObject({ error: { code: 'forbidden' } });
      const anonymous = await call(null, method, url, payload);
      expect(anonymous.statusCode, `${method} ${url}`).toBe(401);
      expect(anonymous.json()).toMatchObject({ error: { code: 'unauthorized' } });
    }
    expect((await call(admin, 'GET', '/api/webhooks')).json()).toMatchObject({
      webhooks: [{ id: webhook.id, url: 'https://hooks.example.com/in' }],
    });
  });

  it('refuses invalid bodies with 400 and field-level details', async () => {
    app = await makeApp();
    const admin = await login(app);
    const { webhook } = await create(admin);
    const cases: [method: 'POST' | 'PATCH', url: string, payload: Json, path: string][] = [
      ['POST', '/api/webhooks', { url: 'ftp://files.example.com/', events: ['lead.created'] }, 'body.url'],
      ['POST', '/api/webhooks', { url: 'javascript:alert(1)', events: ['lead.created'] }, 'body.url'],
      ['POST', '/api/webhooks', { url: 'not a url', events: ['lead.created'] }, 'body.url'],
      [
        'POST',
        '/api/webhooks',
        { url: `https://x.example.com/${'a'.repeat(2000)}`, events: ['lead.created'] },
        'body.url',
      ],
      ['POST', '/api/webhooks', { events: ['lead.created'] }, 'body.url'],
      ['POST', '/api/webhooks', { url: 'https://x.example.com/', events: [] }, 'body.events'],
      [
        'POST',
        '/api/webhooks',
        { url: 'https://x.example.com/', events: ['message.created'] },
        'body.events.0',
      ],
      ['POST', '/api/webhooks', { url: 'https://x.example.com/', events: 'lead.created' }, 'body.events'],
      ['PATCH', `/api/webhooks/${webhook.id}`, { active: 'yes' }, 'body.active'],
      ['PATCH', `/api/webhooks/${webhook.id}`, { url: 'file:///etc/passwd' }, 'body.url'],
      ['PATCH', `/api/webhooks/${webhook.id}`, {}, 'body'],
    ];
    for (const [method, url, payload, path] of cases) {
      const res = await call(admin, method, url, payload);
      expect(res.statusCode, JSON.stringify(payload).slice(0, 80)).toBe(400);
      const { error } = res.json<{ error: { code: string; details: { path: string }[] } }>();
      expect(error.code).toBe('invalid_request');
      expect(error.details.map((d) => d.path)).toContain(path);
    }
    expect((await call(admin, 'GET', '/api/webhooks')).json()).toEqual({
      webhooks: [
        expect.objectContaining({ id: webhook.id, url: 'https://hooks.example.com/in', active: true }),
      ],
    });
  });
});
