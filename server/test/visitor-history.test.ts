// The visitor's history over the socket: closed conversations stay readable after a reload, every message of a
// long conversation is reachable (no replay cap), and a token never reaches another visitor's conversations.
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { VisitorServerFrameSchema } from '@livechat/shared/protocol';
import type { Message } from '@livechat/shared/model';
import {
  cid,
  closeTestSockets,
  connectedVisitor,
  demoSite,
  login,
  makeApp,
  type TestSocket,
} from './helper.js';
import { call } from './inbox-helper.js';

let app: FastifyInstance;
afterEach(async () => {
  closeTestSockets();
  await app?.close();
});

type Welcome = { conversationId: string | null; history?: string[]; token?: string };

const replayed = (s: TestSocket): Message[] =>
  s
    .ofType('message.created')
    .map((f) => VisitorServerFrameSchema.parse(f) as { message: Message })
    .map((f) => f.message);

async function say(socket: TestSocket, body: string): Promise<Message> {
  const id = cid('v');
  socket.send({ type: 'message.send', id, body });
  const ack = await socket.waitFor((f) => f.type === 'ack' && f.id === id);
  return ack.message as Message;
}

/** Comes back with the token (a page reload), waits until `last` bodies arrived, and parses every frame. */
async function reload(token: string, resume?: { conversationId: string; afterSeq: number }, until?: string) {
  const { socket, welcome } = await connectedVisitor(app, { token, ...(resume && { resume }) });
  if (until) {
    await socket.waitFor((f) => f.type === 'message.created' && (f.message as Message).body === until);
  }
  for (const frame of socket.frames) VisitorServerFrameSchema.parse(frame);
  return { socket, welcome: welcome as unknown as Welcome };
}

/** Stores `count` visitor messages in the visitor's open conversation directly through the domain (fast). */
async function manyMessages(token: string, count: number): Promise<string> {
  const { visitor } = await app.domain.visitors.identify(await demoSite(app), token);
  const sent = await Promise.all(
    Array.from({ length: count }, (_, i) =>
      app.domain.chat.sendVisitorMessage(visitor, cid('bulk'), `m${i + 1}`),
    ),
  );
  return sent[0]!.message.conversationId;
}

/** Thousands of stored messages take a few seconds on PostgreSQL (a round trip per statement). */
const BULK_TIMEOUT_MS = 30_000;

const seqs = (messages: Message[]) => messages.map((m) => m.seq);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('visitor history', () => {
  it('replays a closed conversation after a reload, then starts a new one below it when the visitor writes', async () => {
    app = await makeApp();
    const admin = await login(app);
    const { socket, welcome } = await connectedVisitor(app);
    const token = welcome.token!;
    const first = await say(socket, 'Where is my order?');
    const closed = await call(app, admin, 'POST', `/api/conversations/${first.conversationId}/close`);
    expect(closed.statusCode).toBe(200);
    await socket.waitFor(
      (f) => f.type === 'message.created' && (f.message as Message).body === 'The chat was closed.',
    );
    socket.close();

    const back = await reload(token, undefined, 'The chat was closed.');
    expect(back.welcome.conversationId).toBeNull();
    expect(back.welcome.history).toEqual([first.conversationId]);
    expect(replayed(back.socket).map((m) => m.body)).toEqual(['Where is my order?', 'The chat was closed.']);
    expect(replayed(back.socket)[1]!.content).toEqual({ type: 'closed' });

    // Writing again opens a new conversation; the next reload shows both, oldest first.
    const second = await say(back.socket, 'One more question');
    expect(second.conversationId).not.toBe(first.conversationId);
    back.socket.close();
    const again = await reload(token, undefined, 'One more question');
    expect(again.welcome.conversationId).toBe(second.conversationId);
    expect(again.welcome.history).toEqual([first.conversationId, second.conversationId]);
    expect(
      replayed(again.socket).map((m) => `${m.conversationId === first.conversationId ? 'A' : 'B'}${m.seq}`),
    ).toEqual(['A1', 'A2', 'B1']);
  });

  it('resuming a conversation that was closed meanwhile replays its rest, then the newer one', async () => {
    app = await makeApp();
    const admin = await login(app);
    const { socket, welcome } = await connectedVisitor(app);
    const first = await say(socket, 'first');
    socket.close();
    await call(app, admin, 'POST', `/api/conversations/${first.conversationId}/close`);
    // Another tab of the same visitor writes again: a newer conversation.
    const tab = await reload(welcome.token!);
    const second = await say(tab.socket, 'second');

    const back = await reload(
      welcome.token!,
      { conversationId: first.conversationId, afterSeq: 1 },
      'second',
    );
    expect(back.welcome.history).toEqual([first.conversationId, second.conversationId]);
    expect(replayed(back.socket).map((m) => m.body)).toEqual(['The chat was closed.', 'second']);
  });

  it('never shows one visitor another visitor’s conversations, closed or open, even with a forged resume', async () => {
    app = await makeApp();
    const admin = await login(app);
    const a = await connectedVisitor(app);
    const secret = await say(a.socket, 'secret of A');
    await call(app, admin, 'POST', `/api/conversations/${secret.conversationId}/close`);

    const b = await connectedVisitor(app, { resume: { conversationId: secret.conversationId, afterSeq: 0 } });
    await b.socket.waitFor((f) => f.type === 'error' && f.code === 'not_found');
    expect((b.welcome as unknown as Welcome).history).toEqual([]);
    b.socket.send({ type: 'ping' });
    await b.socket.waitFor((f) => f.type === 'pong');
    const seenByB = JSON.stringify(b.socket.frames);
    expect(seenByB).not.toContain('secret of A');
    expect(seenByB).not.toContain(secret.conversationId);
  });

  it(
    'replays every one of 2,500 messages exactly once, in order, then live ones (no 1,000 cap)',
    async () => {
      app = await makeApp();
      const { socket, welcome } = await connectedVisitor(app);
      const token = welcome.token!;
      await say(socket, 'm0');
      socket.close();
      const conversationId = await manyMessages(token, 2499);

      const back = await reload(token, undefined, 'm2499');
      expect(seqs(replayed(back.socket))).toEqual(range(1, 2500));
      // Live after the replay: the next message follows the last replayed one.
      const agentSide = await reload(token);
      await say(agentSide.socket, 'live');
      await back.socket.waitFor(
        (f) => f.type === 'message.created' && (f.message as Message).body === 'live',
      );
      expect(seqs(replayed(back.socket))).toEqual(range(1, 2501));

      // A resume from the middle gets exactly the rest.
      const resumed = await reload(token, { conversationId, afterSeq: 1200 }, 'live');
      expect(seqs(replayed(resumed.socket))).toEqual(range(1201, 2501));
    },
    BULK_TIMEOUT_MS,
  );

  it(
    'delivers messages stored while a long replay is still being sent, once each and in order',
    async () => {
      app = await makeApp();
      const { socket, welcome } = await connectedVisitor(app);
      const token = welcome.token!;
      await say(socket, 'm0');
      socket.close();
      await manyMessages(token, 2999);

      const { visitor } = await app.domain.visitors.identify(await demoSite(app), token);
      const back = await reload(token);
      // Written while the replay is in flight: it arrives through the replay or live, never twice.
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          app.domain.chat.sendVisitorMessage(visitor, cid('late'), `late${i}`),
        ),
      );
      await back.socket.waitFor(
        (f) => f.type === 'message.created' && (f.message as Message).body === 'late19',
        0,
        10_000,
      );
      expect(seqs(replayed(back.socket))).toEqual(range(1, 3020));
    },
    BULK_TIMEOUT_MS,
  );
});
