// With the install's default (private networks not allowed), webhooks cannot be pointed into the server's own
// network: refused when saved if the URL says so, and before each request if the name resolves there.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { login, makeApp } from './helper.js';

let app: FastifyInstance;
let receiver: http.Server | undefined;
afterEach(async () => {
  await app?.close();
  await new Promise((resolve) => (receiver ? receiver.close(resolve) : resolve(undefined)));
});

describe('webhooks and internal addresses', () => {
  it('refuses internal URLs when saved, and internal targets before sending', async () => {
    app = await makeApp({ webhooksAllowPrivateNetworks: false });
    const admin = await login(app);
    for (const url of [
      'http://127.0.0.1:9/x',
      'http://localhost:8787/api',
      'http://169.254.169.254/latest',
      'http://[::1]/x',
    ]) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/webhooks',
        headers: { cookie: admin },
        payload: { url, events: ['lead.created'] },
      });
      expect(res.statusCode, url).toBe(400);
      expect(res.json<{ error: { message: string } }>().error.message).toContain('public internet');
    }

    // A hook that slipped past the save check (a name that resolves inside): the request is never made.
    let hits = 0;
    receiver = http.createServer((_req, res) => {
      hits++;
      res.end();
    });
    await new Promise<void>((resolve) => receiver!.listen(0, '127.0.0.1', resolve));
    const port = (receiver.address() as AddressInfo).port;
    app.store.webhooks.insert(
      {
        id: 'hook-1',
        url: `http://127.0.0.1:${port}/in`,
        events: ['lead.created'],
        active: true,
        createdAt: 1,
      },
      'whsec_test',
    );
    app.store.transaction(() => app.domain.webhooks.enqueue('lead.created', { lead: { id: 'l1' } }));
    await expect
      .poll(() => app.domain.webhooks.deliveries('hook-1')[0]?.lastError ?? null, { timeout: 5000 })
      .toContain('not a public address');
    expect(hits).toBe(0);
  });
});
