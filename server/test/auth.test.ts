import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ADMIN, createAgent, login, makeApp, updateAgent } from './helper.js';
import { SESSION_TTL_MS } from '../src/domain/auth.js';

let app: FastifyInstance;
afterEach(() => app?.close());

describe('sign-in', () => {
  it('signs in with the seeded admin and sets an HttpOnly SameSite=Strict cookie', async () => {
    app = await makeApp();
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: ADMIN });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ agent: { email: ADMIN.email, role: 'admin' } });
    expect(res.json().agent).not.toHaveProperty('passwordHash');
    const cookie = res.cookies.find((c) => c.name === 'lc_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
    expect(cookie.value.length).toBeGreaterThanOrEqual(40);
  });

  it.each([
    ['wrong password', { email: ADMIN.email, password: 'nope-nope' }],
    ['unknown email', { email: 'ghost@example.com', password: ADMIN.password }],
  ])('refuses a %s with 401 invalid_credentials and the same message', async (_label, payload) => {
    app = await makeApp();
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({
      error: { code: 'invalid_credentials', message: 'Email or password is incorrect.' },
    });
    expect(res.cookies).toHaveLength(0);
  });

  it('answers a malformed body with 400 and field-level details', async () => {
    app = await makeApp();
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'not-an-email', password: 5 },
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe('invalid_request');
    expect(body.error.details.map((d: { path: string }) => d.path).sort()).toEqual([
      'body.email',
      'body.password',
    ]);
  });

  it('answers non-JSON bodies with 400, not 500', async () => {
    app = await makeApp();
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email":',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid_request');
  });

  it('requires a session for /me and ends it on sign-out', async () => {
    app = await makeApp();
    expect((await app.inject({ url: '/api/auth/me' })).statusCode).toBe(401);
    const cookie = await login(app);
    expect((await app.inject({ url: '/api/auth/me', headers: { cookie } })).json().agent.email).toBe(
      ADMIN.email,
    );
    const out = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    expect(out.statusCode).toBe(204);
    expect((await app.inject({ url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('rejects an expired session', async () => {
    let clock = Date.now();
    app = await makeApp({}, { now: () => clock });
    const cookie = await login(app);
    clock += SESSION_TTL_MS + 1;
    const res = await app.inject({ url: '/api/auth/me', headers: { cookie } });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('unauthorized');
  });

  it('rejects a forged session cookie', async () => {
    app = await makeApp();
    const res = await app.inject({
      url: '/api/conversations',
      headers: { cookie: 'lc_session=forged-token-value' },
    });
    expect(res.statusCode).toBe(401);
  });

  it('refuses a deactivated agent at sign-in', async () => {
    app = await makeApp();
    const admin = await login(app);
    const bob = await createAgent(app, admin, 'Bob');
    await updateAgent(app, admin, bob.id, { active: false });
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: bob.email, password: 'password-123' },
    });
    expect(res.statusCode).toBe(401);
    expect((await app.inject({ url: '/api/auth/me', headers: { cookie: bob.cookie } })).statusCode).toBe(401);
  });

  it('rejects state-changing requests from a foreign Origin with 403', async () => {
    app = await makeApp();
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { origin: 'https://evil.example' },
      payload: ADMIN,
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('origin_not_allowed');
    // The dashboard's own origin, also when a local install is opened as 127.0.0.1 instead of localhost.
    for (const origin of ['http://localhost:8787', 'http://127.0.0.1:8787']) {
      const ok = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { origin },
        payload: ADMIN,
      });
      expect(ok.statusCode).toBe(200);
    }
  });

  it('rate-limits repeated sign-in attempts with 429', async () => {
    app = await makeApp();
    const codes: number[] = [];
    for (let i = 0; i < 12; i++) {
      codes.push(
        (
          await app.inject({
            method: 'POST',
            url: '/api/auth/login',
            payload: { email: ADMIN.email, password: 'wrong-one' },
          })
        ).statusCode,
      );
    }
    expect(codes.slice(0, 10).every((c) => c === 401)).toBe(true);
    expect(codes.at(-1)).toBe(429);
  });
});
