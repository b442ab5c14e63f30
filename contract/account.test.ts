// authApi, profileApi, notificationSettingsApi and colleaguesApi against the real server.
import { describe, expect, it } from 'vitest';
import { DEFAULT_NOTIFICATION_SETTINGS } from '@livechat/shared/model';
import { authApi, colleaguesApi, notificationSettingsApi, profileApi } from '../dashboard/src/api/index.js';
import { ADMIN } from '../server/test/helper.js';
import { as, Browser, failure, PASSWORD, server, teammate } from './setup.js';

describe('authApi', () => {
  it('signs in (setting the session cookie), reads the agent, switches availability and signs out', async () => {
    const { app, admin, adminAgent } = await server();
    expect(adminAgent).toMatchObject({ email: ADMIN.email, role: 'admin', active: true });
    expect(admin.cookie('lc_session')).toBeTruthy();

    const token = admin.cookie('lc_session');
    await as(admin, async () => {
      expect(await authApi.me()).toEqual(adminAgent);
      expect(await authApi.setAvailable(true)).toMatchObject({ id: adminAgent.id, available: true });
      expect(await authApi.me()).toMatchObject({ available: true });
      await expect(authApi.logout()).resolves.toBeUndefined();
    });
    expect(admin.cookie('lc_session')).toBeUndefined();
    await failure(
      as(admin, () => authApi.me()),
      'unauthorized',
      401,
    );
    // Signing out ended the session itself, not only the cookie: replaying it is refused.
    const stale = await app.inject({ url: '/api/auth/me', headers: { cookie: `lc_session=${token}` } });
    expect(stale.statusCode).toBe(401);
  });

  it('refuses a wrong password with invalid_credentials', async () => {
    const { app } = await server();
    await failure(
      as(new Browser(app), () => authApi.login(ADMIN.email, 'not-the-password')),
      'invalid_credentials',
      401,
    );
  });
});

describe('profileApi', () => {
  it('renames the signed-in agent, as the server then reports them', async () => {
    const { app, admin } = await server();
    const ann = await teammate(app, admin, 'Ann');
    await as(ann.browser, async () => {
      expect(await profileApi.update({ name: '  Ann Smith ' })).toMatchObject({
        id: ann.agent.id,
        name: 'Ann Smith',
      });
      expect((await authApi.me()).name).toBe('Ann Smith');
      await failure(profileApi.update({ name: ' ' }), 'invalid_request', 400);
    });
  });

  it('changes the password: the old one stops working, other sessions end, this one stays', async () => {
    const { app, admin } = await server();
    const ann = await teammate(app, admin, 'Ann');
    const otherTab = new Browser(app);
    await as(otherTab, () => authApi.login(ann.email, PASSWORD));

    await as(ann.browser, async () => {
      await failure(
        profileApi.changePassword({ currentPassword: 'wrong-password', newPassword: 'new-password-1' }),
        'invalid_request',
        400,
      );
      await expect(
        profileApi.changePassword({ currentPassword: PASSWORD, newPassword: 'new-password-1' }),
      ).resolves.toBeUndefined();
      expect((await authApi.me()).id).toBe(ann.agent.id);
    });
    await failure(
      as(otherTab, () => authApi.me()),
      'unauthorized',
    );
    await failure(
      as(new Browser(app), () => authApi.login(ann.email, PASSWORD)),
      'invalid_credentials',
    );
    await as(new Browser(app), () => authApi.login(ann.email, 'new-password-1'));
  });
});

/** The smallest PNG: one transparent pixel. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

describe('profileApi: avatar', () => {
  it('sets a picture from raw bytes, serves it at avatarUrl, and removes it; refuses what is not an image', async () => {
    const { app, admin } = await server();
    const ann = await teammate(app, admin, 'Ann');
    await as(ann.browser, async () => {
      const withPicture = await profileApi.setAvatar(new Blob([PNG], { type: 'image/png' }));
      expect(withPicture.avatarUrl).toEqual(expect.any(String));
      const picture = await ann.browser.fetch(withPicture.avatarUrl!);
      expect(picture.status).toBe(200);
      expect(picture.headers.get('content-type')).toBe('image/png');
      expect(Buffer.from(await picture.arrayBuffer())).toEqual(PNG);

      await failure(
        profileApi.setAvatar(new Blob(['<svg onload="alert(1)"/>'], { type: 'image/png' })),
        'invalid_request',
        400,
      );
      expect((await profileApi.removeAvatar()).avatarUrl ?? null).toBeNull();
      expect((await authApi.me()).avatarUrl ?? null).toBeNull();
    });
  });
});

describe('notificationSettingsApi', () => {
  it('reads the defaults, saves a change and reads it back; refuses without a session', async () => {
    const { app, admin } = await server();
    await as(admin, async () => {
      expect(await notificationSettingsApi.get()).toEqual(DEFAULT_NOTIFICATION_SETTINGS);
      const changed = { ...DEFAULT_NOTIFICATION_SETTINGS, newMessage: false, sound: true };
      expect(await notificationSettingsApi.save(changed)).toEqual(changed);
      expect(await notificationSettingsApi.get()).toEqual(changed);
    });
    await failure(
      as(new Browser(app), () => notificationSettingsApi.get()),
      'unauthorized',
      401,
    );
  });
});

describe('colleaguesApi', () => {
  it('lists every active agent for any signed-in agent, and nobody else', async () => {
    const { app, admin, adminAgent } = await server();
    const ann = await teammate(app, admin, 'Ann');
    const colleagues = await as(ann.browser, () => colleaguesApi.list());
    expect(colleagues.map((c) => c.id).sort()).toEqual([adminAgent.id, ann.agent.id].sort());
    expect(colleagues[0]).toEqual({ id: expect.any(String), name: expect.any(String), available: false });
    await failure(
      as(new Browser(app), () => colleaguesApi.list()),
      'unauthorized',
    );
  });
});
