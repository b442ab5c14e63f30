// sitesApi.installation against the real server: where the widget was last seen loading, for admins only.
import { describe, expect, it } from 'vitest';
import { sitesApi } from '../dashboard/src/api/index.js';
import { DEMO_SITE_KEY } from '../server/src/domain/index.js';
import { SITE_ORIGIN } from '../server/test/helper.js';
import { as, failure, server, teammate } from './setup.js';

describe('installation status', () => {
  it('is not installed until the launcher loads on an allowed origin, then lists where', async () => {
    const { app, admin } = await server();
    const [site] = await as(admin, () => sitesApi.list());
    expect(await as(admin, () => sitesApi.installation(site!.id))).toEqual({
      installed: false,
      sightings: [],
    });

    const loaded = await app.inject({
      url: `/api/widget/${DEMO_SITE_KEY}/status`,
      headers: { origin: SITE_ORIGIN, referer: `${SITE_ORIGIN}/pricing?plan=pro` },
    });
    expect(loaded.statusCode).toBe(200);
    const installation = await as(admin, () => sitesApi.installation(site!.id));
    expect(installation).toMatchObject({
      installed: true,
      sightings: [{ origin: SITE_ORIGIN, page: `${SITE_ORIGIN}/pricing` }],
    });

    const ann = await teammate(app, admin, 'Ann');
    await failure(
      as(ann.browser, () => sitesApi.installation(site!.id)),
      'forbidden',
      403,
    );
  });
});
