// teamsApi against the real server: admins add, rename, choose members and delete; every agent reads the teams.
import { describe, expect, it } from 'vitest';
import { agentsApi, teamsApi } from '../dashboard/src/api/index.js';
import { as, Browser, failure, server, teammate } from './setup.js';

describe('teamsApi', () => {
  it('lets admins manage teams that every agent reads, and refuses what the server refuses', async () => {
    const { app, admin } = await server();
    const ann = await teammate(app, admin, 'Ann');
    const ben = await teammate(app, admin, 'Ben');

    const [sales, support] = await as(admin, async () => {
      const created = await teamsApi.create({ name: ' Sales ', memberIds: [ann.agent.id] });
      expect(created).toMatchObject({ name: 'Sales', memberIds: [ann.agent.id] });
      await failure(teamsApi.create({ name: 'SALES' }), 'conflict', 409);
      await failure(teamsApi.create({ name: '' }), 'invalid_request', 400);
      return [created, await teamsApi.create({ name: 'Support' })];
    });
    expect(await as(ben.browser, () => teamsApi.list())).toEqual([sales, support]);
    await failure(
      as(ben.browser, () => teamsApi.create({ name: 'Mine' })),
      'forbidden',
      403,
    );
    await failure(
      as(new Browser(app), () => teamsApi.list()),
      'unauthorized',
      401,
    );

    await as(admin, async () => {
      const renamed = await teamsApi.update(support.id, { name: 'Help desk' });
      expect(renamed).toEqual({ ...support, name: 'Help desk' });
      const members = await teamsApi.update(sales.id, { memberIds: [ben.agent.id, ann.agent.id] });
      expect(members.memberIds).toEqual([ann.agent.id, ben.agent.id].sort());

      await agentsApi.update(ben.agent.id, { active: false });
      const refused = await failure(
        teamsApi.update(sales.id, { memberIds: [ben.agent.id] }),
        'invalid_request',
        400,
      );
      expect(refused.message).toBe('Ben is deactivated; only active agents can be in a team.');

      await teamsApi.remove(support.id);
      await failure(teamsApi.remove(support.id), 'not_found', 404);
      expect((await teamsApi.list()).map((t) => t.name)).toEqual(['Sales']);
    });
    await failure(
      as(ann.browser, () => teamsApi.remove(sales.id)),
      'forbidden',
      403,
    );
  });
});
