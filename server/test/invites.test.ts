import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { INVITE_TTL_MS } from '../src/domain/invites.js';
import { createAgent, login, makeApp, updateAgent } from './helper.js';

let app: FastifyInstance;
afterEach(() => app?.close());

async function invite(adminCookie: string, name = 'Ines') {
  const res = await app.inject({
    method: 'POST',
    url: '/api/agents',
    headers: { cookie: adminCookie },
    payload: { name, email: `${name.toLowerCase()}@example.com`, role: 'agent' },
  });
  expect(res.statusCode).toBe(201);
  const body = res.json<{
    agent: { id: string; invited: boolean };
    invite: { url: string; expiresAt: number };
  }>();
  return { ...body, token: body.invite.url.split('/#/invite/')[1]! };
}

const accept = (token: string, password: string) =>
  app.inject({ method: 'POST', url: `/api/invites/${token}`, payload: { password } });

describe('invite links', () => {
  it('invites an agent added without a password, who then chooses one and is signed in', async () => {
    app = await makeApp();
    const admin = await login(app);
    const { agent, invite: link, token } = await invite(admin);
    expect(agent.invited).toBe(true);
    expect(link.url).toMatch(/^http:\/\/localhost:8787\/#\/invite\/[A-Za-z0-9_-]{43}$/);

    // Not a working account until the invite is accepted.
    const early = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'ines@example.com', password: 'anything-1' },
    });
    expect(early.statusCode).toBe(401);

    const info = await app.inject({ url: `/api/invites/${token}` });
    expect(info.json()).toEqual({ name: 'Ines', email: 'ines@example.com', expiresAt: link.expiresAt });

    const short = await accept(token, 'short');
    expect(short.statusCode).toBe(400);
    expect(short.json().error.details[0].path).toBe('body.password');

    const accepted = await accept(token, 'a-good-password');
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().agent).toMatchObject({ email: 'ines@example.com', invited: false });
    const cookie = accepted.cookies.find((c) => c.name === 'lc_session')!;
    expect(cookie.httpOnly).toBe(true);
    const me = await app.inject({ url: '/api/auth/me', headers: { cookie: `lc_session=${cookie.value}` } });
    expect(me.json().agent.email).toBe('ines@example.com');
    await login(app, 'ines@example.com', 'a-good-password');

    // Single use.
    expect((await app.inject({ url: `/api/invites/${token}` })).statusCode).toBe(404);
    expect((await accept(token, 'another-password')).statusCode).toBe(404);
  });

  it('re-issues a link, which retires the old one, and refuses once the agent has signed up', async () => {
    app = await makeApp();
    const admin = await login(app);
    const { agent, token: old } = await invite(admin);
    const again = await app.inject({
      method: 'POST',
      url: `/api/agents/${agent.id}/invite`,
      headers: { cookie: admin },
    });
    expect(again.statusCode).toBe(200);
    const fresh = (again.json().invite.url as string).split('/#/invite/')[1]!;
    expect((await app.inject({ url: `/api/invites/${old}` })).statusCode).toBe(404);
    expect((await accept(fresh, 'a-good-password')).statusCode).toBe(200);
    const late = await app.inject({
      method: 'POST',
      url: `/api/agents/${agent.id}/invite`,
      headers: { cookie: admin },
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('conflict');
  });

  it('refuses expired links, links of deactivated agents, unknown tokens, and non-admin re-issues', async () => {
    let clock = Date.now();
    app = await makeApp({}, { now: () => clock });
    const { token } = await invite(await login(app), 'Late');
    clock += INVITE_TTL_MS + 1;
    expect((await accept(token, 'a-good-password')).statusCode).toBe(404);
    const admin = await login(app); // the first session expired with the invite

    const { agent, token: second } = await invite(admin, 'Gone');
    await updateAgent(app, admin, agent.id, { active: false });
    expect((await app.inject({ url: `/api/invites/${second}` })).statusCode).toBe(404);
    expect((await app.inject({ url: `/api/invites/${'x'.repeat(43)}` })).json().error.code).toBe('not_found');

    const alice = await createAgent(app, admin, 'Alice');
    const res = await app.inject({
      method: 'POST',
      url: `/api/agents/${agent.id}/invite`,
      headers: { cookie: alice.cookie },
    });
    expect(res.statusCode).toBe(403);
  });
});
