// Installation status: the launcher's status request records where the widget loaded (allowed origins only, the page
// without query or fragment, at most once a minute per origin), and admins read it.
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { InstallationBodySchema } from '@livechat/shared/api';
import { SITE_ORIGIN, closeTestSockets, createAgent, demoSite, login, makeApp } from './helper.js';

let app: FastifyInstance;
let clock = 1_000_000;
afterEach(async () => {
  closeTestSockets();
  await app?.close();
});

async function start() {
  clock = 1_000_000;
  app = await makeApp({}, { now: () => clock });
  const cookie = await login(app);
  const siteId = (await demoSite(app)).id;
  const installation = async (who = cookie) =>
    app.inject({ url: `/api/sites/${siteId}/installation`, headers: { cookie: who } });
  const read = async () => {
    const res = await installation();
    expect(res.statusCode, res.body).toBe(200);
    return InstallationBodySchema.parse(res.json());
  };
  return { cookie, siteId, installation, read };
}

const status = (headers: Record<string, string>) =>
  app.inject({ url: '/api/widget/demo-site-key/status', headers });

describe('installation status', () => {
  it('is not installed until the widget loads on an allowed origin, then records the origin and the page', async () => {
    const { read } = await start();
    expect(await read()).toEqual({ installed: false, sightings: [] });

    const res = await status({
      origin: SITE_ORIGIN,
      referer: `${SITE_ORIGIN}/pricing/plans?email=ann@example.com#top`,
    });
    expect(res.statusCode).toBe(200);
    expect(await read()).toEqual({
      installed: true,
      sightings: [{ origin: SITE_ORIGIN, page: `${SITE_ORIGIN}/pricing/plans`, lastSeenAt: clock }],
    });
  });

  it('records nothing for a disallowed origin, and no page from a Referer of another origin', async () => {
    const { read } = await start();
    const foreign = await status({ origin: 'https://evil.example', referer: 'https://evil.example/x' });
    expect(foreign.statusCode).toBe(403);
    expect(await read()).toEqual({ installed: false, sightings: [] });

    await status({ origin: SITE_ORIGIN, referer: 'https://evil.example/x' });
    expect((await read()).sightings).toEqual([{ origin: SITE_ORIGIN, page: null, lastSeenAt: clock }]);
  });

  it('writes at most once a minute per origin', async () => {
    const { read } = await start();
    const first = clock;
    await status({ origin: SITE_ORIGIN, referer: `${SITE_ORIGIN}/a` });
    const etag = (await status({ origin: SITE_ORIGIN })).headers.etag as string;

    clock += 59_000;
    // A revalidation (304) is a page load too, but within the minute nothing is rewritten.
    const again = await status({ origin: SITE_ORIGIN, referer: `${SITE_ORIGIN}/b`, 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect((await read()).sightings).toEqual([
      { origin: SITE_ORIGIN, page: `${SITE_ORIGIN}/a`, lastSeenAt: first },
    ]);

    clock += 1_000;
    await status({ origin: SITE_ORIGIN, referer: `${SITE_ORIGIN}/c`, 'if-none-match': etag });
    expect((await read()).sightings).toEqual([
      { origin: SITE_ORIGIN, page: `${SITE_ORIGIN}/c`, lastSeenAt: clock },
    ]);
  });

  it('writes once when two nodes see the same origin at once: the upsert decides, not memory', async () => {
    await start();
    const site = await demoSite(app);
    const both = await Promise.all([
      app.domain.installation.sighted(site, SITE_ORIGIN, `${SITE_ORIGIN}/a`),
      app.domain.installation.sighted(site, SITE_ORIGIN, `${SITE_ORIGIN}/b`),
    ]);
    expect(both.filter(Boolean)).toHaveLength(1);
  });

  it('lists origins most recent first, long pages cut, and forgets origins the site no longer allows', async () => {
    const { cookie, siteId, read } = await start();
    const shop = 'https://shop.example.com';
    const patch = (allowedOrigins: string[]) =>
      app.inject({
        method: 'PATCH',
        url: `/api/sites/${siteId}`,
        headers: { cookie },
        payload: { allowedOrigins },
      });
    expect((await patch([SITE_ORIGIN, shop])).statusCode).toBe(200);
    await status({ origin: SITE_ORIGIN, referer: `${SITE_ORIGIN}/` });
    clock += 5_000;
    await status({ origin: shop, referer: `${shop}/${'p'.repeat(600)}` });
    const { sightings } = await read();
    expect(sightings.map((s) => s.origin)).toEqual([shop, SITE_ORIGIN]);
    expect(sightings[0]!.page).toHaveLength(500);

    expect((await patch([SITE_ORIGIN])).statusCode).toBe(200);
    expect((await read()).sightings.map((s) => s.origin)).toEqual([SITE_ORIGIN]);
    expect((await patch([])).statusCode).toBe(200);
    expect(await read()).toEqual({ installed: false, sightings: [] });
  });

  it('is for admins only: 403 for agents, 401 signed out, 404 for an unknown site', async () => {
    const { cookie, installation, siteId } = await start();
    const ann = await createAgent(app, cookie, 'Ann');
    const refused = await installation(ann.cookie);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ error: { code: 'forbidden' } });
    expect((await app.inject({ url: `/api/sites/${siteId}/installation` })).statusCode).toBe(401);
    const unknown = await app.inject({ url: '/api/sites/no-such-site/installation', headers: { cookie } });
    expect(unknown.statusCode).toBe(404);
  });
});
