// Saved replies: the team's (admins manage them) beside each agent's own, which nobody else sees (admins neither);
// variables in a reply's text are checked when it is saved.
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { SavedReplyBodySchema, SavedReplyListBodySchema } from '@livechat/shared/api';
import { closeTestSockets, makeApp } from './helper.js';
import { call, inbox } from './inbox-helper.js';

let app: FastifyInstance;
afterEach(async () => {
  closeTestSockets();
  await app?.close();
});

const listed = async (cookie: string) =>
  SavedReplyListBodySchema.parse((await call(app, cookie, 'GET', '/api/saved-replies')).json()).replies.map(
    (r) => `${r.personal ? 'mine' : 'team'} /${r.shortcut}: ${r.body}`,
  );

describe('personal saved replies', () => {
  it('only their owner sees, uses, changes and deletes them; admins neither; others get 404', async () => {
    app = await makeApp();
    const { admin, ann, ben } = await inbox(app);
    const team = await call(app, admin, 'POST', '/api/saved-replies', { shortcut: 'hello', body: 'Hello!' });
    expect(team.statusCode).toBe(201);
    expect(SavedReplyBodySchema.parse(team.json()).reply.personal).toBe(false);
    const created = await call(app, ann.cookie, 'POST', '/api/saved-replies', {
      shortcut: 'hello',
      body: 'Hi, Ann here.',
      personal: true,
    });
    expect(created.statusCode, created.body).toBe(201);
    const mine = SavedReplyBodySchema.parse(created.json()).reply;
    expect(mine).toMatchObject({ shortcut: 'hello', personal: true });
    expect(created.json().reply).not.toHaveProperty('ownerId');

    expect(await listed(ann.cookie)).toEqual(['team /hello: Hello!', 'mine /hello: Hi, Ann here.']);
    expect(await listed(ben.cookie)).toEqual(['team /hello: Hello!']);
    expect(await listed(admin)).toEqual(['team /hello: Hello!']);

    // A colleague and an admin are told it does not exist, on every route.
    for (const cookie of [ben.cookie, admin]) {
      const patch = await call(app, cookie, 'PATCH', `/api/saved-replies/${mine.id}`, { body: 'Taken over' });
      expect(patch.statusCode).toBe(404);
      expect(patch.json()).toMatchObject({ error: { code: 'not_found' } });
      expect((await call(app, cookie, 'DELETE', `/api/saved-replies/${mine.id}`)).statusCode).toBe(404);
    }
    expect((await call(app, admin, 'DELETE', '/api/saved-replies/nothing-here')).statusCode).toBe(404);

    // Shortcuts are unique among the owner's own; another agent may use the same one.
    const twice = await call(app, ann.cookie, 'POST', '/api/saved-replies', {
      shortcut: 'hello',
      body: 'x',
      personal: true,
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({
      error: { message: 'Another of your saved replies already uses /hello.' },
    });
    expect(
      (
        await call(app, ben.cookie, 'POST', '/api/saved-replies', {
          shortcut: 'hello',
          body: 'Ben here.',
          personal: true,
        })
      ).statusCode,
    ).toBe(201);
    expect(await listed(ann.cookie)).toEqual(['team /hello: Hello!', 'mine /hello: Hi, Ann here.']);

    // Agents keep the team's for admins.
    const teamId = SavedReplyBodySchema.parse(team.json()).reply.id;
    expect(
      (await call(app, ann.cookie, 'PATCH', `/api/saved-replies/${teamId}`, { body: 'x' })).statusCode,
    ).toBe(403);
    expect(
      (
        await call(app, ann.cookie, 'POST', '/api/saved-replies', {
          shortcut: 'x',
          body: 'x',
          personal: false,
        })
      ).statusCode,
    ).toBe(403);

    const edited = await call(app, ann.cookie, 'PATCH', `/api/saved-replies/${mine.id}`, {
      shortcut: 'hi',
      body: 'Hi, it is Ann.',
    });
    expect(edited.json()).toMatchObject({
      reply: { shortcut: 'hi', body: 'Hi, it is Ann.', personal: true },
    });
    expect((await call(app, ann.cookie, 'DELETE', `/api/saved-replies/${mine.id}`)).statusCode).toBe(204);
    expect(await listed(ann.cookie)).toEqual(['team /hello: Hello!']);
  });

  it("stay with a deactivated agent's row and are back when they are active again", async () => {
    app = await makeApp();
    const { admin, ann } = await inbox(app);
    await call(app, ann.cookie, 'POST', '/api/saved-replies', {
      shortcut: 'bye',
      body: 'Bye!',
      personal: true,
    });
    expect((await call(app, admin, 'PATCH', `/api/agents/${ann.id}`, { active: false })).statusCode).toBe(
      200,
    );
    expect((await call(app, ann.cookie, 'GET', '/api/saved-replies')).statusCode).toBe(401);
    expect(await listed(admin)).toEqual([]);
    expect((await call(app, admin, 'PATCH', `/api/agents/${ann.id}`, { active: true })).statusCode).toBe(200);
    const again = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'ann@example.com', password: 'password-123' },
    });
    const cookie = `lc_session=${again.cookies.find((c) => c.name === 'lc_session')!.value}`;
    expect(await listed(cookie)).toEqual(['mine /bye: Bye!']);
  });
});

describe('saved reply variables', () => {
  it('refuses unknown variables with a message listing the known ones, on add and change', async () => {
    app = await makeApp();
    const { admin, ann } = await inbox(app);
    const bad = await call(app, ann.cookie, 'POST', '/api/saved-replies', {
      shortcut: 'hi',
      body: 'Hi {{contact.firstname}}, {{company}} here.',
      personal: true,
    });
    expect(bad.statusCode).toBe(400);
    const message =
      'Unknown variables {{contact.firstname}}, {{company}}. Use {{contact.name}}, {{contact.first_name}}, ' +
      '{{contact.email}}, {{contact.phone}}, {{agent.name}} and {{agent.first_name}}.';
    expect(bad.json()).toMatchObject({
      error: { code: 'invalid_request', details: [{ path: 'body.body', message }] },
    });
    const good = await call(app, admin, 'POST', '/api/saved-replies', {
      shortcut: 'hi',
      body: 'Hi {{contact.first_name}}, {{ agent.first_name }} here ({{agent.name}}).',
    });
    expect(good.statusCode, good.body).toBe(201);
    const id = SavedReplyBodySchema.parse(good.json()).reply.id;
    const change = await call(app, admin, 'PATCH', `/api/saved-replies/${id}`, { body: 'Hi {{name}}' });
    expect(change.statusCode).toBe(400);
    expect(change.json().error.details[0].message).toContain(
      'Unknown variable {{name}}. Use {{contact.name}}',
    );
    expect(await listed(ann.cookie)).toEqual([
      'team /hi: Hi {{contact.first_name}}, {{ agent.first_name }} here ({{agent.name}}).',
    ]);
  });
});
