import { EventEmitter } from 'node:events';
import type { FastifyBaseLogger } from 'fastify';
import type { WebSocket } from 'ws';
import { describe, expect, it } from 'vitest';
import { CloseCode, LIMITS } from '@livechat/shared/protocol/constants';
import type { AgentServerFrame, VisitorServerFrame } from '@livechat/shared/protocol';
import { Connection, encodeFrame } from './connection.js';

/** The parts of a ws socket Connection uses, with the TCP socket's cork/uncork counted. */
class FakeSocket extends EventEmitter {
  readonly OPEN = 1;
  readonly CONNECTING = 0;
  readyState = 1;
  bufferedAmount = 0;
  sent: string[] = [];
  closedWith: number | null = null;
  flushes = 0;
  private corks = 0;
  readonly _socket = {
    cork: () => void this.corks++,
    uncork: () => {
      if (--this.corks === 0) this.flushes++;
    },
  };
  send(data: Buffer | string) {
    this.sent.push(String(data));
    this.bufferedAmount += data.length;
  }
  close(code: number) {
    this.closedWith = code;
  }
  terminate() {}
}

const quietLog = { warn() {}, error() {} } as unknown as FastifyBaseLogger;
const connect = (socket: FakeSocket) =>
  new Connection(socket as unknown as WebSocket, quietLog, { perSecond: 1, burst: 1 });
const nextTick = () => new Promise<void>((resolve) => process.nextTick(resolve));

describe('Connection.send', () => {
  it('sends the frames of one tick in one write, a shared encoded frame as is', async () => {
    const socket = new FakeSocket();
    const conn = connect(socket);
    const shared = encodeFrame({ type: 'presence', online: true });
    conn.send({ type: 'ack', id: 'a' });
    conn.sendEncoded(shared);
    conn.send({ type: 'ack', id: 'b' });
    expect(socket.flushes).toBe(0);
    await nextTick();
    expect(socket.flushes).toBe(1);
    expect(socket.sent).toEqual([
      '{"type":"ack","id":"a"}',
      '{"type":"presence","online":true}',
      '{"type":"ack","id":"b"}',
    ]);
  });

  it('does not take its own burst within one tick for a slow consumer', () => {
    const socket = new FakeSocket();
    const conn = connect(socket);
    const big = encodeFrame({
      type: 'error',
      code: 'internal',
      message: 'x'.repeat(LIMITS.maxBufferedBytes / 2),
    });
    expect([conn.sendEncoded(big), conn.sendEncoded(big), conn.sendEncoded(big)]).toEqual([true, true, true]);
    expect(socket.closedWith).toBeNull();
  });

  it('closes a socket whose client left more than the limit unread', async () => {
    const socket = new FakeSocket();
    const conn = connect(socket);
    socket.bufferedAmount = LIMITS.maxBufferedBytes + 1;
    expect(conn.send({ type: 'pong' })).toBe(false);
    expect(socket.closedWith).toBe(CloseCode.SlowConsumer);
    expect(socket.sent).toEqual([]);
    await nextTick();
  });
});

describe('Connection frame types', () => {
  it("accepts only its channel's shared server frames, at compile time", () => {
    const agent = new Connection<AgentServerFrame>(new FakeSocket() as unknown as WebSocket, quietLog, {
      perSecond: 10,
      burst: 10,
    });
    const visitor = new Connection<VisitorServerFrame>(new FakeSocket() as unknown as WebSocket, quietLog, {
      perSecond: 10,
      burst: 10,
    });
    const presence = encodeFrame({ type: 'presence', online: true });
    const pong = encodeFrame({ type: 'pong' });
    const sends = [
      visitor.sendEncoded(presence),
      agent.sendEncoded(pong),
      visitor.sendEncoded(pong),
      // @ts-expect-error presence is a visitor frame
      agent.sendEncoded(presence),
      // @ts-expect-error presence is a visitor frame
      agent.send({ type: 'presence', online: true }),
      // @ts-expect-error a frame type no schema declares
      visitor.send({ type: 'conversation.typing' }),
      // @ts-expect-error a field the ack frame does not have
      visitor.send({ type: 'ack', id: 'abcdefgh', extra: 1 }),
      // @ts-expect-error not an encoded frame
      visitor.sendEncoded('{"type":"pong"}'),
    ];
    expect(sends).toHaveLength(8);
  });
});
