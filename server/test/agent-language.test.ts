// The dashboard's language is the agent's own setting, stored on the server so it follows them to other browsers;
// null means "the browser's". A value outside the supported languages is refused in words.
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { closeTestSockets, makeApp } from './helper.js';
import { call, inbox } from './inbox-helper.js';

let app: FastifyInstance;
afterEach(async () => {
  closeTestSockets();
  await app?.close();
});

type AgentJson = { agent: { id: string; name: string; language?: string | null } };

describe('the dashboard language', () => {
  it('starts as the browser default, is stored per agent, returned on sign-in reads and reset with null', async () => {
    app = await makeApp();
    const { ann, ben } = await inbox(app);
    const me = async (cookie: string) =>
      (await call(app, cookie, 'GET', '/api/auth/me')).json<AgentJson>().agent;
    expect((await me(ann.cookie)).language ?? null).toBeNull();

    const res = await call(app, ann.cookie, 'PATCH', '/api/me/profile', { language: 'tr' });
    expect(res.statusCode).toBe(200);
    expect(res.json<AgentJson>().agent).toMatchObject({ id: ann.id, name: 'Ann', language: 'tr' });
    // Another browser (a fresh read of the session) gets it too; a colleague keeps their own.
    expect((await me(ann.cookie)).language).toBe('tr');
    expect((await me(ben.cookie)).language ?? null).toBeNull();

    // Renaming leaves the language alone.
    await call(app, ann.cookie, 'PATCH', '/api/me/profile', { name: 'Ann Smith' });
    expect(await me(ann.cookie)).toMatchObject({ name: 'Ann Smith', language: 'tr' });

    await call(app, ann.cookie, 'PATCH', '/api/me/profile', { language: 'sl' });
    expect((await me(ann.cookie)).language).toBe('sl');
    await call(app, ann.cookie, 'PATCH', '/api/me/profile', { language: null });
    expect((await me(ann.cookie)).language ?? null).toBeNull();
  });

  it('refuses a language the dashboard does not speak, in words, and keeps the stored one', async () => {
    app = await makeApp();
    const { ann } = await inbox(app);
    await call(app, ann.cookie, 'PATCH', '/api/me/profile', { language: 'sl' });
    for (const language of ['de', 'TR', '', 42, { tr: true }]) {
      const res = await call(app, ann.cookie, 'PATCH', '/api/me/profile', { language });
      expect(res.statusCode).toBe(400);
      const { error } = res.json<{ error: { code: string; details: { path: string; message: string }[] } }>();
      expect(error.code).toBe('invalid_request');
      expect(error.details).toContainEqual({
        path: 'body.language',
        message: 'Choose English, Türkçe or Slovenščina.',
      });
    }
    expect((await call(app, ann.cookie, 'GET', '/api/auth/me')).json<AgentJson>().agent.language).toBe('sl');
  });
});
