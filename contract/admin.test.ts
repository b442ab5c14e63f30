// The admin pages' calls against the real server: sitesApi (embed origins, playbook), agentsApi (Team) and
// invitesApi (the invite link page).
import { describe, expect, it } from 'vitest';
import { agentsApi, authApi, invitesApi, sitesApi } from '../dashboard/src/api/index.js';
import { testPlaybook } from '../server/test/playbook-helper.js';
import { as, Browser, failure, server, teammate } from './setup.js';

describe('sitesApi', () => {
  it('lists the sites, changes allowed origins, saves a playbook as a new version and reads it back', async () => {
    const { admin, adminAgent } = await server();
    await as(admin, async () => {
      const [site, ...others] = await sitesApi.list();
      expect(others).toEqual([]);
      expect(site).toMatchObject({ key: 'demo-site-key' });

      const updated = await sitesApi.update(site!.id, {
        allowedOrigins: ['https://shop.example.com/products?x=1'],
      });
      expect(updated.allowedOrigins).toEqual(['https://shop.example.com']);
      expect((await sitesApi.list())[0]!.allowedOrigins).toEqual(['https://shop.example.com']);

      const before = await sitesApi.playbook(site!.id);
      const playbook = testPlaybook(30);
      const saved = await sitesApi.savePlaybook(site!.id, playbook);
      expect(saved).toMatchObject({
        ...playbook,
        siteId: site!.id,
        version: before.version + 1,
        updatedBy: adminAgent.id,
      });
      expect(await sitesApi.playbook(site!.id)).toEqual(saved);

      const error = await failure(
        sitesApi.savePlaybook(site!.id, { ...playbook, botName: '' }),
        'invalid_request',
        400,
      );
      expect(error.details.map((d) => d.path)).toContain('body.botName');
      await failure(sitesApi.update(site!.id, { allowedOrigins: ['not an origin'] }), 'invalid_request', 400);
      await failure(sitesApi.playbook('no-such-site'), 'not_found', 404);
    });
  });

  it('refuses agents who are not admins', async () => {
    const { app, admin } = await server();
    const ann = await teammate(app, admin, 'Ann');
    await failure(
      as(ann.browser, () => sitesApi.list()),
      'forbidden',
      403,
    );
  });
});

describe('agentsApi', () => {
  it('adds, lists, renames, promotes and deactivates agents; refuses a taken email and the last admin', async () => {
    const { app, admin, adminAgent } = await server();
    await as(admin, async () => {
      const { agent, invite } = await agentsApi.create({
        name: 'Ann',
        email: ' Ann@Example.com ',
        role: 'agent',
        password: 'password-123',
      });
      expect(agent).toMatchObject({ name: 'Ann', email: 'ann@example.com', role: 'agent', active: true });
      expect(invite).toBeUndefined();
      expect((await agentsApi.list()).map((a) => a.id).sort()).toEqual([adminAgent.id, agent.id].sort());

      expect(await agentsApi.update(agent.id, { name: 'Ann Smith', role: 'admin' })).toMatchObject({
        name: 'Ann Smith',
        role: 'admin',
      });
      expect(await agentsApi.update(agent.id, { active: false })).toMatchObject({ active: false });
      await failure(
        agentsApi.create({
          name: 'Other Ann',
          email: 'ann@example.com',
          role: 'agent',
          password: 'password-123',
        }),
        'email_taken',
        409,
      );
      await failure(agentsApi.update(adminAgent.id, { role: 'agent' }), 'last_admin', 409);
      await failure(agentsApi.update('no-such-agent', { name: 'X' }), 'not_found', 404);
    });
    await failure(
      as(new Browser(app), () => authApi.login('ann@example.com', 'password-123')),
      'invalid_credentials',
    );
  });
});

describe('invitesApi', () => {
  it('invites an agent, re-issues the link (retiring the old one) and signs them in on accepting', async () => {
    const { app, admin } = await server();
    const { agent, invite } = await as(admin, () =>
      agentsApi.create({ name: 'Ines', email: 'ines@example.com', role: 'agent' }),
    );
    expect(agent.invited).toBe(true);
    const token = (link: { url: string }) => link.url.split('/#/invite/')[1]!;
    const first = token(invite!);

    const visitor = new Browser(app);
    await as(visitor, async () => {
      expect(await invitesApi.get(first)).toEqual({
        name: 'Ines',
        email: 'ines@example.com',
        expiresAt: invite!.expiresAt,
      });
    });
    const again = await as(admin, () => agentsApi.reissueInvite(agent.id));
    const second = token(again);
    expect(second).not.toBe(first);

    await as(visitor, async () => {
      await failure(invitesApi.get(first), 'not_found', 404);
      await failure(invitesApi.accept(second, 'short'), 'invalid_request', 400);
      const signedIn = await invitesApi.accept(second, 'ines-password-1');
      expect(signedIn).toMatchObject({ id: agent.id, name: 'Ines' });
      expect(signedIn.invited ?? false).toBe(false);
      expect((await authApi.me()).id).toBe(agent.id);
      await failure(invitesApi.accept(second, 'ines-password-2'), 'not_found', 404);
    });
    await failure(
      as(admin, () => agentsApi.reissueInvite(agent.id)),
      'conflict',
      409,
    );
  });
});
