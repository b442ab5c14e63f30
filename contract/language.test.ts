// profileApi.update with the dashboard language, against the real server: stored, returned by authApi.me (another
// browser's sign-in read), reset with null, and an unknown language refused in words.
import { describe, expect, it } from 'vitest';
import { authApi, profileApi } from '../dashboard/src/api/index.js';
import { as, Browser, failure, PASSWORD, server, teammate } from './setup.js';

describe('profileApi.update: language', () => {
  it('stores the agent’s language, which another browser reads with the agent', async () => {
    const { app, admin } = await server();
    const ann = await teammate(app, admin, 'Ann');
    await as(ann.browser, async () => {
      expect((await authApi.me()).language ?? null).toBeNull();
      expect(await profileApi.update({ language: 'tr' })).toMatchObject({ id: ann.agent.id, language: 'tr' });
    });
    const laptop = new Browser(app);
    await as(laptop, async () => {
      expect((await authApi.login(ann.email, PASSWORD)).language).toBe('tr');
      expect(await profileApi.update({ language: null })).toMatchObject({ language: null });
      expect((await authApi.me()).language ?? null).toBeNull();
      const refused = await failure(
        profileApi.update({ language: 'de' as unknown as 'tr' }),
        'invalid_request',
        400,
      );
      expect(JSON.stringify(refused)).toContain('Choose English, Türkçe or Slovenščina.');
    });
  });
});
