// sitesApi.identitySecret and rotateIdentitySecret against the real server: the secret is shown once; admins only.
import { describe, expect, it } from 'vitest';
import { sitesApi } from '../dashboard/src/api/index.js';
import { as, failure, server, teammate } from './setup.js';

describe('identity secret', () => {
  it('has none at first, shows a made secret once, then only when it was made; agents are refused', async () => {
    const { app, admin } = await server();
    const [site] = await as(admin, () => sitesApi.list());
    expect(await as(admin, () => sitesApi.identitySecret(site!.id))).toEqual({ createdAt: null });

    const made = await as(admin, () => sitesApi.rotateIdentitySecret(site!.id));
    expect(made.secret).toMatch(/^[0-9a-f]{64}$/);
    expect(await as(admin, () => sitesApi.identitySecret(site!.id))).toEqual({ createdAt: made.createdAt });
    const rotated = await as(admin, () => sitesApi.rotateIdentitySecret(site!.id));
    expect(rotated.secret).not.toBe(made.secret);

    const ann = await teammate(app, admin, 'Ann');
    await failure(
      as(ann.browser, () => sitesApi.identitySecret(site!.id)),
      'forbidden',
      403,
    );
    await failure(
      as(ann.browser, () => sitesApi.rotateIdentitySecret(site!.id)),
      'forbidden',
      403,
    );
  });
});
