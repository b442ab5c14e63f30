import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import {
  agentSocket,
  closeTestSockets,
  cid,
  connectedAgent,
  connectedVisitor,
  login,
  makeApp,
} from './helper.js';

let app: FastifyInstance;
afterEach(async () => {
  closeTestSockets();
  await app?.close();
});

describe('agent channel', () => {
  it('refuses a socket without a session (4001) or from a foreign Origin (4003)', async () => {
    app = await makeApp();
    const anonymous = await agentSocket(app, '');
    expect(await anonymous.waitForClose()).toBe(4001);
    const cookie = await login(app);
    const foreign = await agentSocket(app, cookie, 'https://evil.example');
    expect(await foreign.waitForClose()).toBe(4003);
  });

  it('delivers visitor messages and conversation updates live, and replies back to the visitor', async () => {
    app = await makeApp();
    const cookie = await login(app);
    const agent = await connectedAgent(app, cookie);
    const { socket: visitor } = await connectedVisitor(app);

    visitor.send({ type: 'message.send', id: cid(), body: 'Hi, anyone there?' });
    const created = await agent.waitFor((f) => f.type === 'message.created');
    const message = created.message as { conversationId: string; body: string };
    expect(message.body).toBe('Hi, anyone there?');
    await agent.waitFor((f) => f.type === 'conversation.updated');

    const replyId = cid();
    agent.send({
      type: 'message.send',
      id: replyId,
      conversationId: message.conversationId,
      body: 'Yes, how can I help?',
    });
    const ack = await agent.waitFor((f) => f.type === 'ack' && f.id === replyId);
    expect(ack.message).toMatchObject({ seq: 2, author: { kind: 'agent', name: 'Admin' } });
    const atVisitor = await visitor.waitFor(
      (f) => f.type === 'message.created' && (f.message as { seq: number }).seq === 2,
    );
    expect((atVisitor.message as { body: string }).body).toBe('Yes, how can I help?');

    // A new conversation is announced once, before its first message; later messages speak for themselves.
    visitor.send({ type: 'message.send', id: cid(), body: 'Great, thanks' });
    await agent.waitFor((f) => f.type === 'message.created' && (f.message as { seq: number }).seq === 3);
    expect(agent.frames.filter((f) => f.type !== 'welcome').map((f) => f.type)).toEqual([
      'conversation.updated',
      'message.created',
      'ack',
      'message.created',
    ]);
  });

  it('replays a watched conversation after a seq, and resumes it in hello', async () => {
    app = await makeApp();
    const cookie = await login(app);
    const { socket: visitor } = await connectedVisitor(app);
    for (let i = 1; i <= 4; i++) {
      const id = cid();
      visitor.send({ type: 'message.send', id, body: `v${i}` });
      await visitor.waitFor((f) => f.type === 'ack' && f.id === id);
    }
    const conversationId = (visitor.ofType('ack')[0]!.message as { conversationId: string }).conversationId;

    const agent = await connectedAgent(app, cookie);
    const watchId = cid();
    agent.send({ type: 'conversation.watch', id: watchId, conversationId, afterSeq: 1 });
    await agent.waitFor((f) => f.type === 'ack' && f.id === watchId);
    expect(agent.ofType('message.created').map((f) => (f.message as { body: string }).body)).toEqual([
      'v2',
      'v3',
      'v4',
    ]);

    const resumed = await connectedAgent(app, cookie, { resume: { conversationId, afterSeq: 3 } });
    await resumed.waitFor((f) => f.type === 'message.created');
    expect(resumed.ofType('message.created').map((f) => (f.message as { body: string }).body)).toEqual([
      'v4',
    ]);
  });

  it('answers an unknown conversation with not_found', async () => {
    app = await makeApp();
    const cookie = await login(app);
    const agent = await connectedAgent(app, cookie);
    const id = cid();
    agent.send({ type: 'message.send', id, conversationId: 'nope', body: 'hello?' });
    expect(await agent.waitFor((f) => f.type === 'error' && f.id === id)).toMatchObject({
      code: 'not_found',
    });
  });

  it('serves history and idempotent replies over HTTP', async () => {
    app = await makeApp();
    const cookie = await login(app);
    const { socket: visitor } = await connectedVisitor(app);
    visitor.send({ type: 'message.send', id: cid(), body: 'over http?' });
    const ack = await visitor.waitFor((f) => f.type === 'ack');
    const conversationId = (ack.message as { conversationId: string }).conversationId;

    const list = await app.inject({ url: '/api/conversations?status=open', headers: { cookie } });
    expect(list.json().conversations).toMatchObject([
      { id: conversationId, number: 1, lastSeq: 1, status: 'open' },
    ]);
    const clientId = cid();
    const post = () =>
      app.inject({
        method: 'POST',
        url: `/api/conversations/${conversationId}/messages`,
        headers: { cookie },
        payload: { clientId, body: 'sure' },
      });
    const first = await post();
    const second = await post();
    expect([first.statusCode, second.statusCode]).toEqual([201, 200]);
    expect(second.json().message.id).toBe(first.json().message.id);
    const history = await app.inject({
      url: `/api/conversations/${conversationId}/messages?afterSeq=0`,
      headers: { cookie },
    });
    expect(history.json().messages.map((m: { body: string }) => m.body)).toEqual(['over http?', 'sure']);
    const bad = await app.inject({
      url: `/api/conversations/${conversationId}/messages?afterSeq=-1`,
      headers: { cookie },
    });
    expect(bad.statusCode).toBe(400);
  });
});
