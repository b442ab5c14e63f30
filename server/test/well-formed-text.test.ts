// Text with a lone UTF-16 surrogate has no UTF-8 form: stored, it would come back as something other than what was
// acked. It is refused at the boundary (error frame, 400 naming the field) and nothing is stored; an astral
// character (a valid surrogate pair) round-trips exactly, and a preview never cuts one in half.
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { isWellFormedText, type Message } from '@livechat/shared/model';
import { cid, closeTestSockets, connectedAgent, connectedVisitor, login, makeApp } from './helper.js';
import { EMPTY_DETAILS, call, visitorChat } from './inbox-helper.js';

let app: FastifyInstance;
afterEach(async () => {
  closeTestSockets();
  await app?.close();
});

const LONE = ['\uD800', 'ok \uDBFF', '\uDC00 ok', 'a\uDE00\uD83Db'];
const ASTRAL = 'Thanks 😀👍🏽 — 𝄞 and 🇸🇮';

describe('ids a database cannot hold', () => {
  it('an agent frame naming a conversation with a NUL or a lone surrogate gets an error frame, not a failure', async () => {
    app = await makeApp();
    const agent = await connectedAgent(app, await login(app));
    for (const conversationId of ['conv\u0000', '\uD800']) {
      for (const frame of [
        { type: 'message.send', id: cid('badid'), conversationId, body: 'Hello' },
        { type: 'conversation.watch', id: cid('badid'), conversationId, afterSeq: 0 },
      ]) {
        agent.send(frame);
        const error = await agent.waitFor((f) => f.type === 'error' && f.id === frame.id);
        expect(error, JSON.stringify(frame)).toMatchObject({ code: 'invalid_frame' });
        expect(error.message).toContain('not a valid id');
      }
    }
    // The socket still works.
    const { conversationId } = await visitorChat(app, 'Still here');
    const id = cid('goodid');
    agent.send({ type: 'conversation.watch', id, conversationId, afterSeq: 0 });
    expect(await agent.waitFor((f) => f.id === id)).toMatchObject({ type: 'ack' });
  });
});

describe('lone surrogates', () => {
  it('a visitor frame gets an error frame; nothing is stored, no conversation opened', async () => {
    app = await makeApp();
    const { socket, welcome } = await connectedVisitor(app);
    for (const body of LONE) {
      const id = cid('lone');
      socket.send({ type: 'message.send', id, body }); // JSON.stringify writes the lone surrogate as \ud800
      const error = await socket.waitFor((f) => f.type === 'error' && f.id === id);
      expect(error, JSON.stringify(body)).toMatchObject({ code: 'invalid_frame' });
      expect(error.message).toContain('broken character');
    }
    expect(socket.ofType('ack')).toEqual([]);
    const visitor = (await app.store.visitors.byId(welcome.visitorId))!;
    expect(await app.domain.chat.openConversationOf(visitor)).toBeNull();
  });

  it('an agent frame and the HTTP reply are refused (400 naming the field); nothing is stored', async () => {
    app = await makeApp();
    const admin = await login(app);
    const { conversationId } = await visitorChat(app, 'Hello');
    const agent = await connectedAgent(app, admin);
    for (const body of LONE) {
      const id = cid('lone');
      agent.send({ type: 'message.send', id, conversationId, body });
      const error = await agent.waitFor((f) => f.type === 'error' && f.id === id);
      expect(error).toMatchObject({ code: 'invalid_frame' });

      const res = await call(app, admin, 'POST', `/api/conversations/${conversationId}/messages`, {
        clientId: cid('lone'),
        body,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({
        error: {
          code: 'invalid_request',
          details: [{ path: 'body.body', message: expect.stringContaining('broken character') }],
        },
      });
    }
    expect((await app.domain.chat.messagesAfter(conversationId, 0)).map((m) => m.body)).toEqual(['Hello']);
  });

  it('every other stored free-text field is refused too: notes, tags, names, details', async () => {
    app = await makeApp();
    const admin = await login(app);
    const { conversationId } = await visitorChat(app, 'Hello');
    const cases: [string, 'POST' | 'PUT' | 'PATCH', string, unknown, string][] = [
      ['note', 'POST', `/api/conversations/${conversationId}/notes`, { body: 'see \uD800' }, 'body.body'],
      [
        'tags',
        'PUT',
        `/api/conversations/${conversationId}/tags`,
        { tags: ['ok', 'vip\uDC00'] },
        'body.tags.1',
      ],
      [
        'details',
        'PUT',
        `/api/conversations/${conversationId}/details`,
        { details: { ...EMPTY_DETAILS, organizationName: 'Acme \uD800' } },
        'body.details.organizationName',
      ],
      [
        'agent name',
        'POST',
        '/api/agents',
        { name: 'Ann \uD83D', email: 'ann@example.com', role: 'agent', password: 'password-123' },
        'body.name',
      ],
    ];
    for (const [what, method, url, payload, path] of cases) {
      const res = await call(app, admin, method, url, payload);
      expect(res.statusCode, what).toBe(400);
      expect(res.json(), what).toMatchObject({ error: { code: 'invalid_request', details: [{ path }] } });
    }
    const activities = JSON.stringify(await app.store.activities.of(conversationId));
    expect(activities).not.toContain('see');
    expect(activities).not.toContain('vip');
    const details = await call(app, admin, 'GET', `/api/conversations/${conversationId}/details`);
    expect(details.statusCode).toBe(200);
    expect(details.body).not.toContain('Acme');
    expect((await app.store.conversations.byId(conversationId))!.tags).toEqual([]);
    expect(await app.store.agents.byEmail('ann@example.com')).toBeFalsy();
  });

  it('an astral character round-trips exactly: ack, live echo, replay and HTTP history agree', async () => {
    app = await makeApp();
    const admin = await login(app);
    const { socket, welcome } = await connectedVisitor(app);
    const id = cid('astral');
    socket.send({ type: 'message.send', id, body: ASTRAL });
    const ack = (await socket.waitFor((f) => f.type === 'ack' && f.id === id)).message as Message;
    expect(ack.body).toBe(ASTRAL);

    // Replay after a reconnect, from the store.
    socket.close();
    const again = await connectedVisitor(app, { token: welcome.token });
    const replayed = await again.socket.waitFor(
      (f) => f.type === 'message.created' && (f.message as Message).id === ack.id,
    );
    expect((replayed.message as Message).body).toBe(ack.body);
    const history = await call(
      app,
      admin,
      'GET',
      `/api/conversations/${ack.conversationId}/messages?afterSeq=0`,
    );
    expect(history.json<{ messages: Message[] }>().messages.find((m) => m.id === ack.id)!.body).toBe(ASTRAL);

    // The agent's reply too, ack against the visitor's live copy.
    const agent = await connectedAgent(app, admin);
    const replyId = cid('astral');
    agent.send({ type: 'message.send', id: replyId, conversationId: ack.conversationId, body: ASTRAL });
    const reply = (await agent.waitFor((f) => f.type === 'ack' && f.id === replyId)).message as Message;
    const live = await again.socket.waitFor(
      (f) => f.type === 'message.created' && (f.message as Message).id === reply.id,
    );
    expect((live.message as Message).body).toBe(reply.body);
    expect(reply.body).toBe(ASTRAL);
  });

  it("a long message's preview is never cut inside an emoji", async () => {
    app = await makeApp();
    const body = `${'x'.repeat(139)}😀 and more`; // the emoji's two halves straddle the 140th unit
    const { conversationId } = await visitorChat(app, body);
    const preview = (await app.store.conversations.byId(conversationId))!.lastMessagePreview!;
    expect(preview).toBe('x'.repeat(139));
    expect(isWellFormedText(preview)).toBe(true);
  });
});
