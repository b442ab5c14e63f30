// The API's refusals carry plain sentences per field, and values that can be cleaned are cleaned, not refused.
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoSite, login, makeApp, SITE_ORIGIN } from './helper.js';

let app: FastifyInstance;
let cookie: string;

beforeEach(async () => {
  app = await makeApp();
  cookie = await login(app);
});
afterEach(() => app.close());

const send = (method: 'POST' | 'PATCH', url: string, payload: object) =>
  app.inject({ method, url, headers: { cookie }, payload });

interface Refusal {
  error: { code: string; details?: { path: string; message: string }[] };
}

describe('human validation messages from the API', () => {
  it('says what is wrong with each field of "Add agent", in words', async () => {
    const res = await send('POST', '/api/agents', { name: ' ', email: '', role: 'agent', password: 'short' });
    expect(res.statusCode).toBe(400);
    const details = res.json<Refusal>().error.details ?? [];
    const byPath = Object.fromEntries(details.reverse().map((d) => [d.path, d.message]));
    expect(byPath).toMatchObject({
      'body.name': 'Enter a name.',
      'body.email': 'Enter an email address.',
      'body.password': 'Use at least 8 characters.',
    });
    for (const { message } of details) expect(message).not.toMatch(/expected|Too small|Invalid input/);
  });

  it('refuses a missing field with a sentence, not "expected string, received undefined"', async () => {
    const res = await send('POST', '/api/webhooks', { events: [] });
    const details = res.json<Refusal>().error.details ?? [];
    expect(details).toContainEqual({ path: 'body.url', message: 'Enter the endpoint URL.' });
    expect(details).toContainEqual({ path: 'body.events', message: 'Choose at least one event.' });
  });
});

describe('cleaning on the server', () => {
  it('stores a saved reply typed as "/price" under "price"', async () => {
    const res = await send('POST', '/api/saved-replies', { shortcut: '/price', body: 'From 9 EUR a month.' });
    expect(res.statusCode).toBe(201);
    expect(res.json<{ reply: { shortcut: string } }>().reply.shortcut).toBe('price');
  });

  it('stores an allowed origin pasted with a path as the origin', async () => {
    const site = await demoSite(app);
    const res = await send('PATCH', `/api/sites/${site.id}`, {
      allowedOrigins: [SITE_ORIGIN, 'https://shop.example.com/products?x=1'],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json<{ site: { allowedOrigins: string[] } }>().site.allowedOrigins).toEqual([
      SITE_ORIGIN,
      'https://shop.example.com',
    ]);
  });
});
