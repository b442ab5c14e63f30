// Teams as data: admins add, rename, choose members and delete; every agent reads them. On both engines.
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { TeamBodySchema, TeamListBodySchema } from '@livechat/shared/api';
import { createAgent, login, makeApp, updateAgent } from './helper.js';
import { call } from './inbox-helper.js';

let app: FastifyInstance;
afterEach(() => app?.close());

async function setup() {
  app = await makeApp();
  const admin = await login(app);
  return { admin, ann: await createAgent(app, admin, 'Ann'), ben: await createAgent(app, admin, 'Ben') };
}

const teams = async (cookie: string) =>
  TeamListBodySchema.parse((await call(app, cookie, 'GET', '/api/teams')).json()).teams;

async function create(cookie: string, name: string, memberIds?: string[]) {
  const res = await call(app, cookie, 'POST', '/api/teams', { name, ...(memberIds && { memberIds }) });
  expect(res.statusCode, res.body).toBe(201);
  return TeamBodySchema.parse(res.json()).team;
}

describe('teams', () => {
  it('lets admins add, rename, choose members and delete teams, which every agent reads', async () => {
    const { admin, ann, ben } = await setup();
    const sales = await create(admin, '  Sales  ', [ben.id, ann.id, ann.id]);
    expect(sales).toMatchObject({ name: 'Sales', memberIds: [ann.id, ben.id].sort() });
    const support = await create(admin, 'support');
    expect(support.memberIds).toEqual([]);

    // By name, ignoring case; agents read them too.
    expect((await teams(ann.cookie)).map((t) => t.name)).toEqual(['Sales', 'support']);

    const renamed = await call(app, admin, 'PATCH', `/api/teams/${support.id}`, { name: 'Support' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(TeamBodySchema.parse(renamed.json()).team).toEqual({ ...support, name: 'Support' });

    const members = await call(app, admin, 'PATCH', `/api/teams/${sales.id}`, { memberIds: [ben.id] });
    expect(TeamBodySchema.parse(members.json()).team).toMatchObject({ name: 'Sales', memberIds: [ben.id] });
    const both = await call(app, admin, 'PATCH', `/api/teams/${support.id}`, {
      name: 'Help desk',
      memberIds: [ann.id],
    });
    expect(TeamBodySchema.parse(both.json()).team).toMatchObject({ name: 'Help desk', memberIds: [ann.id] });
    expect(await teams(ben.cookie)).toEqual([
      { ...support, name: 'Help desk', memberIds: [ann.id] },
      { ...sales, memberIds: [ben.id] },
    ]);

    const nothing = await call(app, admin, 'PATCH', `/api/teams/${sales.id}`, {});
    expect(nothing.statusCode).toBe(400);
  });

  it('refuses agents every change, in words (403), and strangers everything (401)', async () => {
    const { admin, ann } = await setup();
    const sales = await create(admin, 'Sales');
    for (const [method, url, body] of [
      ['POST', '/api/teams', { name: 'Mine' }],
      ['PATCH', `/api/teams/${sales.id}`, { name: 'Mine' }],
      ['PATCH', `/api/teams/${sales.id}`, { memberIds: [ann.id] }],
      ['DELETE', `/api/teams/${sales.id}`, undefined],
    ] as const) {
      const res = await call(app, ann.cookie, method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(res.json().error).toEqual({ code: 'forbidden', message: 'Only admins can do this.' });
    }
    expect(await teams(admin)).toEqual([sales]);
    expect((await app.inject({ url: '/api/teams' })).statusCode).toBe(401);
  });

  it('refuses a taken name, also differing only in case, on create and on rename (409)', async () => {
    const { admin } = await setup();
    await create(admin, 'Sales');
    const support = await create(admin, 'Support');
    for (const name of ['Sales', 'sales', ' SALES ']) {
      const res = await call(app, admin, 'POST', '/api/teams', { name });
      expect(res.statusCode, name).toBe(409);
      expect(res.json().error).toMatchObject({
        code: 'conflict',
        message: 'A team named Sales already exists.',
      });
    }
    const rename = await call(app, admin, 'PATCH', `/api/teams/${support.id}`, { name: 'sALES' });
    expect(rename.statusCode).toBe(409);
    expect(rename.json().error.message).toBe('A team named Sales already exists.');
    // Its own name in another case is a rename, not a clash.
    const recase = await call(app, admin, 'PATCH', `/api/teams/${support.id}`, { name: 'SUPPORT' });
    expect(recase.statusCode, recase.body).toBe(200);
    expect((await teams(admin)).map((t) => t.name)).toEqual(['Sales', 'SUPPORT']);
  });

  it('refuses names that are empty or longer than 60 characters', async () => {
    const { admin } = await setup();
    for (const name of ['', '   ', 'x'.repeat(61)]) {
      const res = await call(app, admin, 'POST', '/api/teams', { name });
      expect(res.statusCode, JSON.stringify(name)).toBe(400);
      expect(res.json().error.details[0].path).toBe('body.name');
    }
    expect((await create(admin, 'x'.repeat(60))).name).toHaveLength(60);
  });

  it('takes only active agents as members: not unknown ids, not deactivated agents', async () => {
    const { admin, ann, ben } = await setup();
    const sales = await create(admin, 'Sales', [ann.id]);

    const unknown = await call(app, admin, 'POST', '/api/teams', { name: 'Support', memberIds: ['nobody'] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toMatchObject({
      code: 'invalid_request',
      message: 'Choose members among the agents.',
      details: [{ path: 'body.memberIds' }],
    });

    expect((await updateAgent(app, admin, ben.id, { active: false })).statusCode).toBe(200);
    const deactivated = await call(app, admin, 'PATCH', `/api/teams/${sales.id}`, {
      memberIds: [ann.id, ben.id],
    });
    expect(deactivated.statusCode).toBe(400);
    expect(deactivated.json().error.message).toBe('Ben is deactivated; only active agents can be in a team.');

    // Nothing was written by the refused requests.
    expect(await teams(admin)).toEqual([sales]);
  });

  it('deletes a team with its memberships; the agents stay; an unknown team is 404', async () => {
    const { admin, ann } = await setup();
    const sales = await create(admin, 'Sales', [ann.id]);
    const support = await create(admin, 'Support', [ann.id]);
    const res = await call(app, admin, 'DELETE', `/api/teams/${sales.id}`);
    expect(res.statusCode).toBe(204);
    expect(await teams(admin)).toEqual([support]);
    expect(await app.store.teams.byId(sales.id)).toBeNull();
    const memberships = await app.sql.value('SELECT COUNT(*) FROM team_members WHERE team_id = ?', [
      sales.id,
    ]);
    expect(Number(memberships)).toBe(0);
    expect(await app.store.agents.byId(ann.id)).toMatchObject({ active: true });
    // Its name is free again.
    await create(admin, 'sales');

    for (const [method, body] of [
      ['DELETE', undefined],
      ['PATCH', { name: 'Gone' }],
    ] as const) {
      const gone = await call(app, admin, method, `/api/teams/${sales.id}`, body);
      expect(gone.statusCode, method).toBe(404);
      expect(gone.json().error.code).toBe('not_found');
    }
  });

  it('gives one name to one team when admins add it at once, and keeps one member list of those sent at once', async () => {
    const { admin, ann, ben } = await setup();
    const names = ['Sales', 'sales', 'SALES', 'Sales ', 'sAles'];
    const answers = await Promise.all(names.map((name) => call(app, admin, 'POST', '/api/teams', { name })));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409, 409, 409, 409]);
    const [sales] = await teams(admin);

    const lists = [[ann.id], [ben.id], [ann.id, ben.id], [], [ben.id, ann.id]];
    const saved = await Promise.all(
      lists.map((memberIds) => call(app, admin, 'PATCH', `/api/teams/${sales!.id}`, { memberIds })),
    );
    expect(saved.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200]);
    const final = (await teams(admin))[0]!.memberIds;
    expect(lists.map((l) => [...l].sort())).toContainEqual(final);
  });
});
