import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { LIMITS, PROTOCOL_VERSION } from '@livechat/shared/protocol/constants';
import {
  SITE_ORIGIN,
  cid,
  closeTestSockets,
  connectedVisitor,
  makeApp,
  visitorSocket,
  type Frame,
  type TestSocket,
} from './helper.js';

let app: FastifyInstance;
afterEach(async () => {
  closeTestSockets();
  await app?.close();
});

async function visitor(hello: Record<string, unknown> = {}) {
  return connectedVisitor(app, hello);
}

const messagesOf = (s: TestSocket) =>
  s.ofType('message.created').map((f) => f.message as { seq: number; body: string });

describe('visitor channel', () => {
  it('issues a new visitor a token of at least 128 bits and no conversation yet', async () => {
    app = await makeApp();
    const { welcome } = await visitor();
    expect(welcome.v).toBe(PROTOCOL_VERSION);
    expect(welcome.conversationId).toBeNull();
    expect(Buffer.from(welcome.token!, 'base64url').length).toBeGreaterThanOrEqual(16);
  });

  it('acks a message only with the stored row and starts one conversation', async () => {
    app = await makeApp();
    const { socket } = await visitor();
    const id = cid();
    socket.send({ type: 'message.send', id, body: 'Hello there' });
    const ack = await socket.waitFor((f) => f.type === 'ack' && f.id === id);
    const message = ack.message as { seq: number; conversationId: string; body: string };
    expect(message).toMatchObject({ seq: 1, body: 'Hello there' });
    expect(await app.domain.chat.messagesAfter(message.conversationId, 0)).toHaveLength(1);
  });

  it('stores a resent command id once and returns the same message', async () => {
    app = await makeApp();
    const { socket, welcome } = await visitor();
    const id = cid();
    socket.send({ type: 'message.send', id, body: 'once' });
    const first = await socket.waitFor((f) => f.type === 'ack' && f.id === id);
    // The ack was "lost": the client reconnects and resends the same command id.
    socket.close();
    const again = await visitor({ token: welcome.token });
    again.socket.send({ type: 'message.send', id, body: 'once' });
    const second = await again.socket.waitFor((f) => f.type === 'ack' && f.id === id);
    expect(second.message).toEqual(first.message);
    const conversationId = (first.message as { conversationId: string }).conversationId;
    expect(await app.domain.chat.messagesAfter(conversationId, 0)).toHaveLength(1);
  });

  it('stores a command id sent twice in one burst once, and acks both with the same message', async () => {
    app = await makeApp();
    const { socket } = await visitor();
    const id = cid();
    socket.send({ type: 'message.send', id, body: 'twice' });
    socket.send({ type: 'message.send', id, body: 'twice' });
    await socket.waitFor((f) => f.type === 'ack' && socket.ofType('ack').length === 2);
    const [first, second] = socket.ofType('ack') as (Frame & { message: { conversationId: string } })[];
    expect(second!.message).toEqual(first!.message);
    expect(await app.domain.chat.messagesAfter(first!.message.conversationId, 0)).toHaveLength(1);
    // The sending connection gets the message in its acks, never as an echo.
    expect(socket.ofType('message.created')).toHaveLength(0);
  });

  it('echoes a message to the visitor’s other tabs, not to the sending one', async () => {
    app = await makeApp();
    const tab1 = await visitor();
    const tab2 = await visitor({ token: tab1.welcome.token });
    const id = cid();
    tab1.socket.send({ type: 'message.send', id, body: 'from tab 1' });
    await tab1.socket.waitFor((f) => f.type === 'ack' && f.id === id);
    const echo = await tab2.socket.waitFor((f) => f.type === 'message.created');
    expect(echo.message).toEqual(tab1.socket.ofType('ack')[0]!.message);
    expect(tab1.socket.ofType('message.created')).toHaveLength(0);
  });

  it('replays only the messages after the resume position, in order, before live ones', async () => {
    app = await makeApp();
    const { socket, welcome } = await visitor();
    for (let i = 1; i <= 5; i++) {
      const id = cid();
      socket.send({ type: 'message.send', id, body: `m${i}` });
      await socket.waitFor((f) => f.type === 'ack' && f.id === id);
    }
    const conversationId = (socket.ofType('ack')[0]!.message as { conversationId: string }).conversationId;
    socket.close();
    const back = await visitor({ token: welcome.token, resume: { conversationId, afterSeq: 2 } });
    await back.socket.waitFor(
      (f) => f.type === 'message.created' && (f.message as { seq: number }).seq === 5,
    );
    expect(back.welcome.conversationId).toBe(conversationId);
    expect(messagesOf(back.socket).map((m) => m.body)).toEqual(['m3', 'm4', 'm5']);
  });

  it('replays the whole open conversation when no resume is given (page reload)', async () => {
    app = await makeApp();
    const { socket, welcome } = await visitor();
    const id = cid();
    socket.send({ type: 'message.send', id, body: 'before reload' });
    await socket.waitFor((f) => f.type === 'ack');
    const back = await visitor({ token: welcome.token });
    await back.socket.waitFor((f) => f.type === 'message.created');
    expect(messagesOf(back.socket).map((m) => m.body)).toEqual(['before reload']);
  });

  it('never lets one visitor token read or write another visitor’s conversation', async () => {
    app = await makeApp();
    const a = await visitor();
    a.socket.send({ type: 'message.send', id: cid(), body: 'secret of A' });
    const ack = await a.socket.waitFor((f) => f.type === 'ack');
    const conversationA = (ack.message as { conversationId: string }).conversationId;

    const b = await visitor({ resume: { conversationId: conversationA, afterSeq: 0 } });
    await b.socket.waitFor((f) => f.type === 'error' && f.code === 'not_found');
    b.socket.send({ type: 'message.send', id: cid(), body: 'from B' });
    const ackB = await b.socket.waitFor((f) => f.type === 'ack');
    expect((ackB.message as { conversationId: string }).conversationId).not.toBe(conversationA);
    const seenByB = JSON.stringify(b.socket.frames);
    expect(seenByB).not.toContain('secret of A');
    expect(seenByB).not.toContain(conversationA);
    // A does not see B's message either.
    expect(JSON.stringify(a.socket.frames)).not.toContain('from B');
  });

  it('binds a token to its site: unknown tokens are closed with 4001', async () => {
    app = await makeApp();
    const socket = await visitorSocket(app);
    socket.send({ type: 'hello', v: PROTOCOL_VERSION, token: 'x'.repeat(43) });
    await socket.waitFor((f) => f.type === 'error' && f.code === 'unauthorized');
    expect(await socket.waitForClose()).toBe(4001);
  });

  it('refuses a token issued for another site (4001)', async () => {
    app = await makeApp();
    const { welcome } = await visitor();
    await app.store.sites.insert({
      id: 'site-b',
      key: 'site-b-key',
      name: 'B',
      allowedOrigins: [SITE_ORIGIN],
      createdAt: Date.now(),
    });
    const other = await visitorSocket(app, { siteKey: 'site-b-key' });
    other.send({ type: 'hello', v: PROTOCOL_VERSION, token: welcome.token });
    expect(await other.waitForClose()).toBe(4001);
    expect(other.ofType('welcome')).toHaveLength(0);
  });

  it('replays nothing for a resume position past the end', async () => {
    app = await makeApp();
    const { socket, welcome } = await visitor();
    socket.send({ type: 'message.send', id: cid(), body: 'only one' });
    const ack = await socket.waitFor((f) => f.type === 'ack');
    const conversationId = (ack.message as { conversationId: string }).conversationId;
    const back = await visitor({ token: welcome.token, resume: { conversationId, afterSeq: 999 } });
    back.socket.send({ type: 'ping' });
    await back.socket.waitFor((f) => f.type === 'pong');
    expect(back.socket.ofType('message.created')).toEqual([]);
  });

  it('rejects a foreign Origin (4003) and an unknown site key (4004)', async () => {
    app = await makeApp();
    const foreign = await visitorSocket(app, { origin: 'https://evil.example' });
    expect(await foreign.waitForClose()).toBe(4003);
    const unknown = await visitorSocket(app, { siteKey: 'no-such-site' });
    expect(await unknown.waitForClose()).toBe(4004);
    expect(foreign.frames).toEqual([]);
  });

  it('closes an unsupported protocol version with 4002', async () => {
    app = await makeApp();
    const socket = await visitorSocket(app);
    socket.send({ type: 'hello', v: 99 });
    await socket.waitFor((f) => f.type === 'error' && f.code === 'unsupported_version');
    expect(await socket.waitForClose()).toBe(4002);
  });

  it('answers malformed frames with error frames and stays up', async () => {
    app = await makeApp();
    const { socket } = await visitor();
    const bad: unknown[] = [
      'not json',
      '[]',
      { type: 'message.send', id: cid(), body: 42 },
      { type: 'message.send', id: 'x', body: 'short id' },
      { type: 'message.send', id: cid(), body: '   ' },
      { type: 'message.send', id: cid(), body: 'a'.repeat(LIMITS.maxMessageLength + 1) },
      { type: 'no.such.command', id: cid() },
      JSON.parse(
        '{"__proto__":{"polluted":true},"type":"message.send","id":"proto-pollution-1","body":"hi"}',
      ),
    ];
    for (const frame of bad) socket.send(frame);
    await socket.waitFor((f) => f.type === 'ack' && f.id === 'proto-pollution-1');
    expect(socket.ofType('error')).toHaveLength(bad.length - 1);
    expect(socket.ofType('error').every((f: Frame) => f.code === 'invalid_frame')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(socket.closeCode).toBeNull();
  });

  it('requires hello before commands', async () => {
    app = await makeApp();
    const socket = await visitorSocket(app);
    const id = cid();
    socket.send({ type: 'message.send', id, body: 'too early' });
    const err = await socket.waitFor((f) => f.type === 'error');
    expect(err).toMatchObject({ id, code: 'hello_required' });
  });

  it('closes an oversized frame with 1009 and keeps serving others', async () => {
    app = await makeApp();
    const { socket } = await visitor();
    socket.send({ type: 'message.send', id: cid(), body: 'x'.repeat(LIMITS.maxFrameBytes + 10) });
    expect(await socket.waitForClose()).toBe(1009);
    const other = await visitor();
    other.socket.send({ type: 'message.send', id: cid(), body: 'still up' });
    await other.socket.waitFor((f) => f.type === 'ack');
  });

  it('rate-limits a frame flood with an error and then a 4029 close', async () => {
    app = await makeApp();
    const { socket } = await visitor();
    for (let i = 0; i < 100; i++) socket.send({ type: 'ping' });
    await socket.waitFor((f) => f.type === 'error' && f.code === 'rate_limited');
    expect(await socket.waitForClose()).toBe(4029);
  });

  it('limits new visitors per IP (4029) but lets returning visitors in', async () => {
    app = await makeApp({ newVisitorRate: { perSecond: 0.001, burst: 3 } });
    const first = await visitor();
    await visitor();
    await visitor();
    const fourth = await visitorSocket(app);
    fourth.send({ type: 'hello', v: PROTOCOL_VERSION });
    await fourth.waitFor((f) => f.type === 'error' && f.code === 'rate_limited');
    expect(await fourth.waitForClose()).toBe(4029);
    const back = await visitor({ token: first.welcome.token });
    expect(back.welcome.visitorId).toBe(first.welcome.visitorId);
  });

  it('makes one conversation from concurrent first messages', async () => {
    app = await makeApp();
    const { socket } = await visitor();
    const ids = Array.from({ length: 10 }, () => cid());
    for (const id of ids) socket.send({ type: 'message.send', id, body: `burst ${id}` });
    await socket.waitFor((f) => f.type === 'ack' && f.id === ids.at(-1));
    const conversations = new Set(
      socket.ofType('ack').map((f) => (f.message as { conversationId: string }).conversationId),
    );
    expect(conversations.size).toBe(1);
    expect(socket.ofType('ack').map((f) => (f.message as { seq: number }).seq)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
    ]);
  });
});
