import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import {
  agentSocket,
  cid,
  connectedAgent,
  connectedVisitor,
  createAgent,
  login,
  makeApp,
  updateAgent,
} from './helper.js';

let app: FastifyInstance;
afterEach(() => app?.close());

describe('team management', () => {
  it('lets admins add agents and refuses a taken email with 409', async () => {
    app = await makeApp();
    const admin = await login(app);
    await createAgent(app, admin, 'Alice');
    const dup = await app.inject({
      method: 'POST',
      url: '/api/agents',
      headers: { cookie: admin },
      payload: { name: 'Alice 2', email: 'ALICE@example.com', role: 'agent', password: 'password-123' },
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('email_taken');
    const list = await app.inject({ url: '/api/agents', headers: { cookie: admin } });
    expect(list.json().agents.map((a: { email: string }) => a.email)).toEqual([
      'admin@example.com',
      'alice@example.com',
    ]);
  });

  it('forbids non-admins from the team routes (403)', async () => {
    app = await makeApp();
    const admin = await login(app);
    const alice = await createAgent(app, admin, 'Alice');
    expect((await app.inject({ url: '/api/agents', headers: { cookie: alice.cookie } })).statusCode).toBe(
      403,
    );
    const res = await updateAgent(app, alice.cookie, alice.id, { role: 'admin' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('forbidden');
  });

  it('validates new agents field by field', async () => {
    app = await makeApp();
    const admin = await login(app);
    const res = await app.inject({
      method: 'POST',
      url: '/api/agents',
      headers: { cookie: admin },
      payload: { name: '', email: 'x', role: 'owner', password: 'short' },
    });
    expect(res.statusCode).toBe(400);
    const paths = res
      .json()
      .error.details.map((d: { path: string }) => d.path)
      .sort();
    expect(paths).toEqual(['body.email', 'body.name', 'body.password', 'body.role']);
  });

  it('changes roles but never demotes or deactivates the last admin', async () => {
    app = await makeApp();
    const admin = await login(app);
    const me = (await app.inject({ url: '/api/auth/me', headers: { cookie: admin } })).json().agent;
    const demote = await updateAgent(app, admin, me.id, { role: 'agent' });
    expect(demote.statusCode).toBe(409);
    expect(demote.json().error.code).toBe('last_admin');
    const alice = await createAgent(app, admin, 'Alice');
    const promote = await updateAgent(app, admin, alice.id, { role: 'admin' });
    expect(promote.json().agent.role).toBe('admin');
    expect((await app.inject({ url: '/api/agents', headers: { cookie: alice.cookie } })).statusCode).toBe(
      200,
    );
  });

  it('applies a change of name or role to the agent’s open socket at once', async () => {
    app = await makeApp();
    const admin = await login(app);
    const bob = await createAgent(app, admin, 'Bob');
    const socket = await connectedAgent(app, bob.cookie);
    await updateAgent(app, admin, bob.id, { name: 'Robert' });
    const { socket: visitor } = await connectedVisitor(app);
    visitor.send({ type: 'message.send', id: cid(), body: 'hello' });
    const created = await socket.waitFor((f) => f.type === 'message.created');
    const conversationId = (created.message as { conversationId: string }).conversationId;
    const id = cid();
    socket.send({ type: 'message.send', id, conversationId, body: 'Hi, Robert here' });
    const ack = await socket.waitFor((f) => f.type === 'ack' && f.id === id);
    expect(ack.message).toMatchObject({ author: { kind: 'agent', name: 'Robert' } });
    socket.close();
    visitor.close();
  });

  it('ends a deactivated agent’s sessions and sockets at once', async () => {
    app = await makeApp();
    const admin = await login(app);
    const bob = await createAgent(app, admin, 'Bob');
    const socket = await connectedAgent(app, bob.cookie);
    await updateAgent(app, admin, bob.id, { active: false });
    expect(await socket.waitForClose()).toBe(4010);
    expect(
      (await app.inject({ url: '/api/conversations', headers: { cookie: bob.cookie } })).statusCode,
    ).toBe(401);
    const again = await agentSocket(app, bob.cookie);
    expect(await again.waitForClose()).toBe(4001);
  });
});
