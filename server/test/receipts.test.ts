// Typing indicators (relayed, never stored, rate-limited, the draft only where the site shares it), seen receipts
// (positions per reader, forward only, back after a reconnect) and agents' unread counts under the privacy rules.
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import {
  cid,
  closeTestSockets,
  connectedAgent,
  connectedVisitor,
  demoSite,
  makeApp,
  type Frame,
} from './helper.js';
import { call, inbox, visitorChat } from './inbox-helper.js';

let app: FastifyInstance;
afterEach(async () => {
  closeTestSockets();
  await app?.close();
});

/** Every row of every table, as text: what a burst of typing must leave unchanged. */
async function everyRow(app: FastifyInstance): Promise<string> {
  const { sql } = app;
  const tables =
    sql.engine === 'sqlite'
      ? await sql.all<{ name: string }>(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
        )
      : await sql.all<{ name: string }>(
          `SELECT table_name AS name FROM information_schema.tables
             WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
        );
  const dump: string[] = [];
  for (const { name } of tables.sort((a, b) => a.name.localeCompare(b.name)))
    for (const row of await sql.all<Record<string, unknown>>(`SELECT * FROM "${name}"`))
      dump.push(
        `${name}: ${JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('hex') : v))}`,
      );
  return dump.sort().join('\n');
}

const reply = async (
  agentSocket: Awaited<ReturnType<typeof connectedAgent>>,
  conversationId: string,
  body: string,
) => {
  const id = cid('a');
  agentSocket.send({ type: 'message.send', id, conversationId, body });
  return (await agentSocket.waitFor((f) => f.type === 'ack' && f.id === id)).message as { seq: number };
};

const setPreview = async (app: FastifyInstance, admin: string, on: boolean) => {
  const site = await demoSite(app);
  const res = await call(app, admin, 'PATCH', `/api/sites/${site.id}`, { typingPreview: on });
  expect(res.statusCode, res.body).toBe(200);
};

describe('typing indicators', () => {
  it('relays typing both ways, never stores it, and drops a flood beyond the per-connection limit', async () => {
    app = await makeApp();
    const { admin, ann } = await inbox(app);
    const { socket: visitor, conversationId } = await visitorChat(app, 'Hi');
    const annSocket = await connectedAgent(app, ann.cookie);
    await setPreview(app, admin, true);
    const sentinel = cid('v');
    visitor.send({ type: 'message.send', id: sentinel, body: 'Are you there?' });
    await annSocket.waitFor((f) => f.type === 'message.created');
    const before = await everyRow(app);

    // A burst of 40 typing frames: a few pass (the limit's burst), the rest are dropped without an answer.
    for (let i = 0; i < 40; i++) visitor.send({ type: 'typing', typing: true, text: `draft ${i}` });
    const first = await annSocket.waitFor((f) => f.type === 'typing');
    expect(first).toMatchObject({
      conversationId,
      from: { kind: 'visitor', name: expect.any(String) },
      typing: true,
      text: 'draft 0',
    });
    annSocket.send({ type: 'typing', conversationId, typing: true });
    expect(await visitor.waitFor((f) => f.type === 'typing')).toEqual({
      type: 'typing',
      conversationId,
      name: 'Ann',
      typing: true,
    });
    // A ping after the burst is answered once every frame before it was handled.
    visitor.send({ type: 'ping' });
    await visitor.waitFor((f) => f.type === 'pong');
    await new Promise((r) => setTimeout(r, 100));
    const relayed = annSocket.ofType('typing').length;
    expect(relayed).toBeGreaterThanOrEqual(1);
    expect(relayed).toBeLessThanOrEqual(5);
    // Dropped silently: no error frames for them (they carry no id to answer).
    expect(visitor.ofType('error')).toEqual([]);

    // Nothing of it was stored, in any table.
    expect(await everyRow(app)).toBe(before);
  });

  it('strips the draft when the site does not share typing previews, and tells the widget when it does', async () => {
    app = await makeApp();
    const { admin, ann } = await inbox(app);
    const { socket: visitor } = await visitorChat(app, 'Hi');
    const annSocket = await connectedAgent(app, ann.cookie);
    visitor.send({ type: 'message.send', id: cid('v'), body: 'Are you there?' });
    await annSocket.waitFor((f) => f.type === 'message.created');
    visitor.send({ type: 'typing', typing: true, text: 'my secret draft' });
    const off = await annSocket.waitFor((f) => f.type === 'typing');
    expect(off.typing).toBe(true);
    expect(off).not.toHaveProperty('text');
    expect(JSON.stringify(annSocket.frames)).not.toContain('secret');

    await setPreview(app, admin, true);
    const long = 'x'.repeat(500);
    const from = annSocket.frames.length;
    visitor.send({ type: 'typing', typing: true, text: long });
    const on = await annSocket.waitFor((f) => f.type === 'typing', from);
    expect(on.text).toBe('x'.repeat(200));

    // The widget learns it on connect (its privacy note says so).
    const { welcome } = await connectedVisitor(app);
    expect((welcome.site as { typingPreview?: boolean }).typingPreview).toBe(true);
    await setPreview(app, admin, false);
    const { welcome: after } = await connectedVisitor(app);
    expect((after.site as { typingPreview?: boolean }).typingPreview).toBeUndefined();
  });

  it('tells agents who may not see the chat nothing of the typing', async () => {
    app = await makeApp();
    const { ann, ben } = await inbox(app);
    const { socket: visitor, conversationId } = await visitorChat(app, 'Hi');
    expect(
      (await call(app, ann.cookie, 'POST', `/api/conversations/${conversationId}/assign`)).statusCode,
    ).toBe(200);
    const benSocket = await connectedAgent(app, ben.cookie);
    const annSocket = await connectedAgent(app, ann.cookie);
    // Live once a message reaches her (typing sent before a socket is live is not for it: it is never stored).
    const sentinel = cid('v');
    visitor.send({ type: 'message.send', id: sentinel, body: 'Are you there?' });
    await annSocket.waitFor((f) => f.type === 'message.created');
    visitor.send({ type: 'typing', typing: true });
    await annSocket.waitFor((f) => f.type === 'typing');
    await new Promise((r) => setTimeout(r, 100));
    expect(benSocket.ofType('typing')).toEqual([]);
    // Nor can he type into it.
    benSocket.send({ type: 'typing', conversationId, typing: true });
    expect(await benSocket.waitFor((f) => f.type === 'error')).toMatchObject({ code: 'not_found' });
  });
});

describe('seen receipts', () => {
  it('moves positions forward only, shows each side the other’s, and keeps them across reconnects', async () => {
    app = await makeApp();
    const { ann } = await inbox(app);
    const { socket: visitor, token, conversationId } = await visitorChat(app, 'Hi');
    const annSocket = await connectedAgent(app, ann.cookie);
    const { seq } = await reply(annSocket, conversationId, 'Hello, how can I help?');

    // The agent reads: the visitor is told the team has seen up to there.
    const read = await call(app, ann.cookie, 'POST', `/api/conversations/${conversationId}/read`, { seq: 1 });
    expect(read.json().reads).toMatchObject({ team: { seq: 1 }, mine: { seq: 1 }, visitor: null });
    expect(await visitor.waitFor((f) => f.type === 'read.moved')).toMatchObject({ conversationId, seq: 1 });
    // Backwards changes nothing; past the end is clamped to the last message.
    await call(app, ann.cookie, 'POST', `/api/conversations/${conversationId}/read`, { seq: 0 });
    const far = await call(app, ann.cookie, 'POST', `/api/conversations/${conversationId}/read`, {
      seq: 999,
    });
    expect(far.json().reads).toMatchObject({ team: { seq }, mine: { seq } });

    // The visitor reads the reply: the agent sees it.
    visitor.send({ type: 'read', conversationId, seq });
    expect(await annSocket.waitFor((f) => f.type === 'read.moved' && f.reader === 'visitor')).toMatchObject({
      conversationId,
      seq,
    });
    visitor.send({ type: 'read', conversationId, seq: 1 });
    visitor.send({ type: 'ping' });
    await visitor.waitFor((f) => f.type === 'pong');
    const reads = await call(app, ann.cookie, 'GET', `/api/conversations/${conversationId}/reads`);
    expect(reads.json().reads).toMatchObject({ visitor: { seq, readAt: expect.any(Number) }, team: { seq } });

    // The dashboard reads over its socket too (a read frame, unanswered): the position comes back as `mine`.
    const { seq: later } = await reply(annSocket, conversationId, 'Anything else?');
    annSocket.send({ type: 'read', conversationId, seq: later });
    expect(
      await annSocket.waitFor((f) => f.type === 'read.moved' && f.reader === 'mine' && f.seq === later),
    ).toMatchObject({ conversationId });
    expect(await visitor.waitFor((f) => f.type === 'read.moved' && f.seq === later)).toBeTruthy();

    // A reconnecting widget gets the team's position after its replay.
    visitor.close();
    const { socket: again } = await connectedVisitor(app, { token });
    expect(await again.waitFor((f) => f.type === 'read.moved')).toMatchObject({ conversationId, seq: later });
    // Another visitor cannot move this conversation's positions.
    const { socket: stranger } = await connectedVisitor(app);
    stranger.send({ type: 'read', conversationId, seq });
    expect(await stranger.waitFor((f) => f.type === 'error')).toMatchObject({ code: 'not_found' });
  });
});

describe('unread for agents', () => {
  const unread = async (cookie: string) =>
    (await call(app, cookie, 'GET', '/api/unread')).json<{
      unread: { conversations: Record<string, number>; folders: Record<string, number | null> };
    }>().unread;

  it('counts contact messages past each agent’s own position, within what they may see', async () => {
    app = await makeApp();
    const { admin, ann, ben } = await inbox(app);
    const { socket: v1, conversationId: one } = await visitorChat(app, 'First');
    const { conversationId: two } = await visitorChat(app, 'Second');
    const anyone = cid('v');
    v1.send({ type: 'message.send', id: anyone, body: 'Anyone?' });
    await v1.waitFor((f) => f.type === 'ack' && f.id === anyone);

    expect(await unread(ann.cookie)).toEqual({
      conversations: { [one]: 2, [two]: 1 },
      folders: { unassigned: 2, mine: 0, teams: 0, all: null, bot: null },
    });
    // Ann takes the first and answers: her reply does not count, the visitor's messages do until she reads.
    expect((await call(app, ann.cookie, 'POST', `/api/conversations/${one}/assign`)).statusCode).toBe(200);
    const annSocket = await connectedAgent(app, ann.cookie);
    await reply(annSocket, one, 'Here');
    expect((await unread(ann.cookie)).folders).toMatchObject({ unassigned: 1, mine: 1 });
    await call(app, ann.cookie, 'POST', `/api/conversations/${one}/read`, { seq: 999 });
    expect(await unread(ann.cookie)).toEqual({
      conversations: { [two]: 1 },
      folders: { unassigned: 1, mine: 0, teams: 0, all: null, bot: null },
    });

    // Ben never learns of Ann's chat: its unread counts nowhere for him. The admin sees all, by their own position.
    expect(await unread(ben.cookie)).toEqual({
      conversations: { [two]: 1 },
      folders: { unassigned: 1, mine: 0, teams: 0, all: null, bot: null },
    });
    expect(await unread(admin)).toEqual({
      conversations: { [one]: 2, [two]: 1 },
      folders: { unassigned: 1, mine: 0, teams: 0, all: 2, bot: 0 },
    });
    // Nor can Ben read or mark it.
    for (const [method, path] of [
      ['GET', 'reads'],
      ['POST', 'read'],
      ['POST', 'unread'],
    ] as const) {
      const res = await call(
        app,
        ben.cookie,
        method,
        `/api/conversations/${one}/${path}`,
        method === 'POST' && path === 'read' ? { seq: 1 } : undefined,
      );
      expect(res.statusCode, path).toBe(404);
    }

    // A new visitor message counts again, live: Ann's dashboard hears it.
    const from = annSocket.frames.length;
    v1.send({ type: 'message.send', id: cid('v'), body: 'Still there?' });
    await annSocket.waitFor((f: Frame) => f.type === 'message.created', from);
    expect((await unread(ann.cookie)).conversations).toEqual({ [one]: 1, [two]: 1 });
  });

  it('Mark as unread puts the agent’s position before the contact’s last message, and only theirs', async () => {
    app = await makeApp();
    const { ann } = await inbox(app);
    const { socket: visitor, conversationId } = await visitorChat(app, 'Hi');
    const annSocket = await connectedAgent(app, ann.cookie);
    await reply(annSocket, conversationId, 'Hello');
    const thanks = cid('v');
    visitor.send({ type: 'message.send', id: thanks, body: 'Thanks' });
    const last = (await visitor.waitFor((f) => f.type === 'ack' && f.id === thanks)).message as {
      seq: number;
    };
    await reply(annSocket, conversationId, 'You are welcome');
    await call(app, ann.cookie, 'POST', `/api/conversations/${conversationId}/read`, { seq: 999 });
    expect((await unread(ann.cookie)).conversations).toEqual({});

    const from = annSocket.frames.length;
    const res = await call(app, ann.cookie, 'POST', `/api/conversations/${conversationId}/unread`);
    expect(res.json().reads).toMatchObject({ mine: { seq: last.seq - 1 }, team: { seq: 4 } });
    expect(await annSocket.waitFor((f) => f.type === 'read.moved', from)).toMatchObject({
      reader: 'mine',
      seq: last.seq - 1,
    });
    expect((await unread(ann.cookie)).conversations).toEqual({ [conversationId]: 1 });
    // Reading again moves it forward once more.
    await call(app, ann.cookie, 'POST', `/api/conversations/${conversationId}/read`, { seq: 4 });
    expect((await unread(ann.cookie)).conversations).toEqual({});
  });
});
