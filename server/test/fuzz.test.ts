// Property-based: arbitrary JSON, hostile keys and SQL-ish strings in every field of every write route and frame get
// a clear 4xx or error frame, never a 5xx, and never change what is stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { cid, connectedVisitor, demoSite, login, makeApp } from './helper.js';

let app: FastifyInstance;
let cookie: string;
let conversationId: string;
let agentId: string;
let siteId: string;

const hostileString = fc.oneof(
  fc.string(),
  fc.constantFrom(
    "' OR 1=1 --",
    '"; DROP TABLE messages; --',
    '__proto__',
    'constructor',
    '<script>alert(1)</script>',
    '\u0000',
    'x'.repeat(5000),
  ),
);
const hostileValue = fc.oneof(fc.jsonValue(), hostileString, fc.constant({ __proto__: { admin: true } }));
const hostileObject = fc.dictionary(
  fc.oneof(hostileString, fc.constantFrom('__proto__', 'email', 'role', 'body')),
  hostileValue,
);

async function snapshot() {
  const db = app.store;
  return JSON.stringify([
    await db.conversations.search({ limit: 1000 }, { agentId: agentId, admin: true }),
    await db.messages.after(conversationId, 0, 1000),
    await app.domain.team.list(),
    await db.sites.all(),
    await db.playbooks.latest(siteId),
  ]);
}

beforeAll(async () => {
  const unlimited = { perSecond: 1e6, burst: 1e6 };
  app = await makeApp({ frameRate: unlimited, newVisitorRate: unlimited });
  cookie = await login(app);
  siteId = (await demoSite(app)).id;
  const { socket } = await connectedVisitor(app);
  socket.send({ type: 'message.send', id: cid(), body: 'seed' });
  const ack = await socket.waitFor((f) => f.type === 'ack');
  conversationId = (ack.message as { conversationId: string }).conversationId;
  agentId = (await app.inject({ url: '/api/auth/me', headers: { cookie } })).json().agent.id;
  socket.close();
});
afterAll(() => app?.close());

describe('hostile input', () => {
  it('every write route answers junk bodies with a catalogued 4xx and stores nothing', async () => {
    const routes = [
      { method: 'POST' as const, url: '/api/auth/login' },
      { method: 'POST' as const, url: '/api/agents' },
      { method: 'PATCH' as const, url: `/api/agents/${agentId}` },
      { method: 'POST' as const, url: `/api/conversations/${conversationId}/messages` },
      { method: 'PUT' as const, url: `/api/sites/${siteId}/playbook` },
      { method: 'PATCH' as const, url: `/api/sites/${siteId}` },
      { method: 'PUT' as const, url: '/api/me/availability' },
    ];
    const before = await snapshot();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        fc.oneof(hostileObject, hostileValue),
        async (route, body) => {
          const res = await app.inject({ ...route, headers: { cookie }, payload: JSON.stringify(body) });
          expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400);
          expect(res.statusCode, res.body).toBeLessThan(500);
          expect(typeof res.json().error.code).toBe('string');
        },
      ),
      { numRuns: 150 },
    );
    expect(await snapshot()).toBe(before);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it('hostile ids and queries in URLs get 4xx, not 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(hostileString, hostileString, async (id, after) => {
        const url = `/api/conversations/${encodeURIComponent(id)}/messages?afterSeq=${encodeURIComponent(after)}`;
        const res = await app.inject({ url, headers: { cookie } });
        expect(res.statusCode).toBeGreaterThanOrEqual(400);
        expect(res.statusCode).toBeLessThan(500);
      }),
      { numRuns: 100 },
    );
  });

  it('every junk frame gets an error frame and the store stays as it was', async () => {
    const before = await snapshot();
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostileObject, hostileValue), async (frame) => {
        // Only frames that cannot be a valid command: a valid one would rightly be stored.
        if (typeof frame === 'object' && frame && 'type' in frame) return;
        const { socket } = await connectedVisitor(app);
        socket.send(JSON.stringify(frame));
        expect(await socket.waitFor((f) => f.type === 'error')).toMatchObject({ code: 'invalid_frame' });
        expect(socket.closeCode).toBeNull();
        socket.close();
      }),
      { numRuns: 60 },
    );
    expect(await snapshot()).toBe(before);
  });
});
