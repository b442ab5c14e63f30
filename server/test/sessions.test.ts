// Sessions end for real (matrix row 18): sign-out, a password reset by an admin and the agent's own password change
// end the sessions they should, and the sockets opened with those sessions close with 4010 and can no longer act.
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { PROTOCOL_VERSION } from '@livechat/shared/protocol/constants';
import { SESSION_TTL_MS } from '../src/domain/auth.js';
import {
  agentSocket,
  cid,
  closeTestSockets,
  connectedAgent,
  login,
  makeApp,
  updateAgent,
  type TestSocket,
} from './helper.js';
import { call, inbox, visitorChat } from './inbox-helper.js';

const DASHBOARD = 'http://localhost:8787';

let app: FastifyInstance;
afterEach(async () => {
  closeTestSockets();
  await app?.close();
});

/** Another session of the same agent (a second browser). */
const newSession = async (agentId: string) =>
  `lc_session=${(await app.domain.auth.startSession(agentId)).token}`;

const me = (cookie: string) => app.inject({ url: '/api/auth/me', headers: { cookie } });

async function bodiesOf(cookie: string, conversationId: string): Promise<string[]> {
  const res = await call(app, cookie, 'GET', `/api/conversations/${conversationId}/messages`);
  return res.json<{ messages: { body: string }[] }>().messages.map((m) => m.body);
}

/** Ann holds a chat, so her sockets may write to it. */
async function annWithChat() {
  const people = await inbox(app);
  const { conversationId } = await visitorChat(app, 'Hello');
  const assigned = await call(app, people.ann.cookie, 'POST', `/api/conversations/${conversationId}/assign`);
  expect(assigned.statusCode).toBe(200);
  return { ...people, conversationId };
}

function sendMessage(socket: TestSocket, conversationId: string, body: string): string {
  const id = cid('send');
  socket.send({ type: 'message.send', id, conversationId, body });
  return id;
}

describe('sign-out', () => {
  it('ends that session only: its socket closes with 4010 and what it sends after is not stored', async () => {
    app = await makeApp();
    const { ann, admin, conversationId } = await annWithChat();
    const otherCookie = await newSession(ann.id);
    const idle = await connectedAgent(app, ann.cookie);
    const socket = await connectedAgent(app, ann.cookie);
    const other = await connectedAgent(app, otherCookie);

    const out = await app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: ann.cookie, origin: DASHBOARD },
    });
    expect(out.statusCode).toBe(204);
    // Closed by the server at once, not only when it next tries to act.
    expect(await idle.waitForClose()).toBe(4010);
    // Sent before the client has read the close: the server must not act on it.
    const late = sendMessage(socket, conversationId, 'sent after sign-out');
    expect(await socket.waitForClose()).toBe(4010);
    expect(socket.frames.some((f) => f.id === late)).toBe(false);
    expect(await bodiesOf(admin, conversationId)).not.toContain('sent after sign-out');
    expect((await me(ann.cookie)).statusCode).toBe(401);

    // The other browser stays signed in and its socket still works.
    expect((await me(otherCookie)).statusCode).toBe(200);
    const ok = sendMessage(other, conversationId, 'from the other browser');
    expect(await other.waitFor((f) => f.type === 'ack' && f.id === ok)).toBeTruthy();
    expect(other.closeCode).toBeNull();
  });

  it('a socket opened before the sign-out cannot start after it', async () => {
    app = await makeApp();
    const { ann } = await inbox(app);
    const socket = await agentSocket(app, ann.cookie); // upgraded, no hello yet: not in the hub
    await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: ann.cookie } });
    socket.send({ type: 'hello', v: PROTOCOL_VERSION });
    expect(await socket.waitForClose()).toBe(4010);
    expect(socket.ofType('welcome')).toEqual([]);
  });

  it('a socket whose session expired cannot act', async () => {
    let clock = Date.now();
    app = await makeApp({}, { now: () => clock });
    const { ann, admin, conversationId } = await annWithChat();
    const socket = await connectedAgent(app, ann.cookie);
    clock += SESSION_TTL_MS + 1;
    sendMessage(socket, conversationId, 'after expiry');
    expect(await socket.waitForClose()).toBe(4010);
    clock = Date.now(); // the admin's session is as old as Ann's
    expect(await bodiesOf(admin, conversationId)).not.toContain('after expiry');
  });
});

describe('a password reset by an admin', () => {
  it('ends every session of the agent and closes all their sockets', async () => {
    app = await makeApp();
    const { admin, ann } = await inbox(app);
    const cookies = [ann.cookie, await newSession(ann.id)];
    const sockets = await Promise.all(cookies.map((c) => connectedAgent(app, c)));
    const adminSocket = await connectedAgent(app, admin);

    const res = await updateAgent(app, admin, ann.id, { password: 'a-new-password' });
    expect(res.statusCode).toBe(200);
    for (const socket of sockets) expect(await socket.waitForClose()).toBe(4010);
    for (const cookie of cookies) expect((await me(cookie)).statusCode).toBe(401);
    // Her new password signs her in; the admin who reset it was not signed out.
    expect(await login(app, ann.email, 'a-new-password')).toMatch(/^lc_session=/);
    expect((await me(admin)).statusCode).toBe(200);
    expect(adminSocket.closeCode).toBeNull();
  });

  it('a rename alone ends nothing', async () => {
    app = await makeApp();
    const { admin, ann } = await inbox(app);
    const socket = await connectedAgent(app, ann.cookie);
    expect((await updateAgent(app, admin, ann.id, { name: 'Annie' })).statusCode).toBe(200);
    expect((await me(ann.cookie)).json<{ agent: { name: string } }>().agent.name).toBe('Annie');
    expect(socket.closeCode).toBeNull();
  });
});

describe('changing your own password', () => {
  it('ends every other session and its sockets; the current one stays signed in', async () => {
    app = await makeApp();
    const { ann, admin, conversationId } = await annWithChat();
    const others = [await newSession(ann.id), await newSession(ann.id)];
    const current = await connectedAgent(app, ann.cookie);
    const otherSockets = await Promise.all(others.map((c) => connectedAgent(app, c)));
    const colleague = await connectedAgent(app, admin);

    const res = await app.inject({
      method: 'PUT',
      url: '/api/me/password',
      headers: { cookie: ann.cookie, origin: DASHBOARD },
      payload: { currentPassword: 'password-123', newPassword: 'brand-new-pass' },
    });
    expect(res.statusCode).toBe(204);
    for (const socket of otherSockets) expect(await socket.waitForClose()).toBe(4010);
    for (const cookie of others) expect((await me(cookie)).statusCode).toBe(401);

    expect((await me(ann.cookie)).statusCode).toBe(200);
    const id = sendMessage(current, conversationId, 'still here');
    expect(await current.waitFor((f) => f.type === 'ack' && f.id === id)).toBeTruthy();
    expect(current.closeCode).toBeNull();
    expect(colleague.closeCode).toBeNull();
    expect(await bodiesOf(admin, conversationId)).toContain('still here');
    // The old password no longer signs in; the new one does.
    const old = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: ann.email, password: 'password-123' },
    });
    expect(old.statusCode).toBe(401);
    expect(await login(app, ann.email, 'brand-new-pass')).toMatch(/^lc_session=/);
  });

  it('refuses a wrong current password next to the field, and ends nothing', async () => {
    app = await makeApp();
    const { ann } = await inbox(app);
    const other = await newSession(ann.id);
    const otherSocket = await connectedAgent(app, other);
    const res = await app.inject({
      method: 'PUT',
      url: '/api/me/password',
      headers: { cookie: ann.cookie },
      payload: { currentPassword: 'not-my-password', newPassword: 'brand-new-pass' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      error: {
        code: 'invalid_request',
        message: 'Your current password is not correct.',
        details: [{ path: 'body.currentPassword', message: 'Your current password is not correct.' }],
      },
    });
    expect((await me(other)).statusCode).toBe(200);
    expect(otherSocket.closeCode).toBeNull();
    expect(await login(app, ann.email, 'password-123')).toMatch(/^lc_session=/);
  });

  it('is rate-limited', async () => {
    app = await makeApp();
    const { ann } = await inbox(app);
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await app.inject({
        method: 'PUT',
        url: '/api/me/password',
        headers: { cookie: ann.cookie },
        payload: { currentPassword: `guess-${i}`, newPassword: 'brand-new-pass' },
      });
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, 5)).toEqual([400, 400, 400, 400, 400]);
    expect(statuses.slice(5)).toEqual([429, 429]);
  });

  it('needs a session', async () => {
    app = await makeApp();
    const res = await app.inject({
      method: 'PUT',
      url: '/api/me/password',
      payload: { currentPassword: 'password-123', newPassword: 'brand-new-pass' },
    });
    expect(res.statusCode).toBe(401);
  });
});
