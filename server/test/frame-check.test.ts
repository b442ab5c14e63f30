// The WebSocket test client parses every frame the server sends with the channel's shared schema, so a frame of a
// shape the clients cannot read fails the test that received it.
import { EventEmitter } from 'node:events';
import type WebSocket from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { AgentServerFrameSchema, VisitorServerFrameSchema } from '@livechat/shared/protocol';
import { PROTOCOL_VERSION } from '@livechat/shared/protocol/constants';
import { closeTestSockets, connectedAgent, connectedVisitor, login, makeApp, TestSocket } from './helper.js';

/** Stands in for a ws client socket: the test emits what "the server" sent. */
class FakeWs extends EventEmitter {
  terminate() {}
  send() {}
}

let app: FastifyInstance | undefined;
afterEach(async () => {
  closeTestSockets();
  await app?.close();
  app = undefined;
});

describe('TestSocket frame checking', () => {
  it('fails the wait, and the test, on a frame the schema refuses', async () => {
    const ws = new FakeWs();
    const socket = new TestSocket(ws as unknown as WebSocket, VisitorServerFrameSchema);
    ws.emit('message', Buffer.from(JSON.stringify({ type: 'presence', online: 'yes' })));
    await expect(socket.waitFor((f) => f.type === 'presence')).rejects.toThrow(/online/);
    expect(() => closeTestSockets()).toThrow(/frames its schema refuses/);
  });

  it("refuses a frame of the other channel: presence is the visitor's, conversation.updated the agent's", async () => {
    const ws = new FakeWs();
    const socket = new TestSocket(ws as unknown as WebSocket, AgentServerFrameSchema);
    ws.emit('message', Buffer.from(JSON.stringify({ type: 'presence', online: true })));
    await expect(socket.waitFor(() => true)).rejects.toThrow(/presence/);
    expect(() => closeTestSockets()).toThrow();
  });

  it('accepts what the server really sends on both channels', async () => {
    app = await makeApp();
    const agent = await connectedAgent(app, await login(app));
    const { socket: visitor } = await connectedVisitor(app);
    visitor.send({ type: 'message.send', id: 'msg-0001', body: 'Hello' });
    await visitor.waitFor((f) => f.type === 'ack');
    await agent.waitFor((f) => f.type === 'message.created');
    visitor.send({ type: 'hello', v: PROTOCOL_VERSION });
    await visitor.waitFor((f) => f.type === 'error');
    expect([...agent.invalidFrames, ...visitor.invalidFrames]).toEqual([]);
  });
});
