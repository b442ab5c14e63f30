// The launcher's status endpoint, polled by every visible page before the visitor interacts: cheap to ask again.
import { afterEach, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { SITE_ORIGIN, closeTestSockets, connectedAgent, login, makeApp } from './helper.js';
import { setAvailable } from './playbook-helper.js';

let app: FastifyInstance;
afterEach(async () => {
  closeTestSockets();
  await app?.close();
});

const status = (headers: Record<string, string> = {}) =>
  app.inject({ url: '/api/widget/demo-site-key/status', headers: { origin: SITE_ORIGIN, ...headers } });

it('answers 304 without a body while the status is unchanged, and 200 with a new ETag once it changes', async () => {
  app = await makeApp();
  const first = await status();
  expect(first.statusCode).toBe(200);
  expect(first.json()).toEqual({ online: false, locale: 'en' });
  expect(first.headers['cache-control']).toBe('no-cache');
  const etag = first.headers.etag as string;
  expect(etag).toMatch(/^".+"$/);

  const same = await status({ 'if-none-match': etag });
  expect(same.statusCode).toBe(304);
  expect(same.body).toBe('');
  // The browser's revalidation is cross-origin too: the 304 keeps the CORS header.
  expect(same.headers['access-control-allow-origin']).toBe(SITE_ORIGIN);

  const cookie = await login(app);
  await setAvailable(app, cookie, true);
  await connectedAgent(app, cookie);
  const changed = await status({ 'if-none-match': etag });
  expect(changed.statusCode).toBe(200);
  expect(changed.json()).toEqual({ online: true, locale: 'en' });
  expect(changed.headers.etag).not.toBe(etag);
});

it('still refuses a foreign origin, whatever the ETag', async () => {
  app = await makeApp();
  const etag = (await status()).headers.etag as string;
  const foreign = await status({ origin: 'https://evil.example', 'if-none-match': etag });
  expect(foreign.statusCode).toBe(403);
});
