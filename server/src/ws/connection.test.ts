import { EventEmitter } from 'node:events';
import type { FastifyBaseLogger } from 'fastify';
import type { WebSocket } from 'ws';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { CloseCode, ErrorCode, LIMITS, PROTOCOL_VERSION } from '@livechat/shared/protocol/constants';
import type { AgentServerFrame, VisitorServerFrame } from '@livechat/shared/protocol';
import { DomainError } from '../domain/index.js';
import { Connection, encodeFrame, type FrameHandlers } from './connection.js';

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

describe('Connection.serve', () => {
  const FrameSchema = z.object({ type: z.string(), id: z.string().optional(), v: z.number().optional() });
  type Frame = z.infer<typeof FrameSchema>;
  const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

  /** A served connection whose handlers take longer for earlier frames; `frames` are what the client got. */
  function served(handlers: Partial<FrameHandlers<Frame>> = {}) {
    const socket = new FakeSocket();
    const conn = new Connection(socket as unknown as WebSocket, quietLog, { perSecond: 100, burst: 100 });
    let delay = 30;
    conn.serve<Frame>(FrameSchema, {
      open: () => Promise.resolve(true),
      hello: () => sleep((delay -= 5)),
      async command(frame) {
        await sleep((delay -= 5));
        if (frame.id === 'bad') throw new DomainError(ErrorCode.Conflict, 'No.');
        conn.send({ type: 'ack', id: frame.id! });
      },
      ...handlers,
    });
    const receive = (frame: Frame) => socket.emit('message', Buffer.from(JSON.stringify(frame)), false);
    const frames = () => socket.sent.map((f) => JSON.parse(f) as { type: string; id?: string });
    return { socket, receive, frames };
  }

  it('handles frames one at a time, in arrival order, errors as error frames', async () => {
    const { receive, frames } = served();
    receive({ type: 'hello', v: PROTOCOL_VERSION });
    receive({ type: 'x', id: 'first' });
    receive({ type: 'x', id: 'bad' });
    receive({ type: 'x', id: 'third' });
    receive({ type: 'ping' });
    await vi.waitFor(() => expect(frames()).toHaveLength(4));
    expect(frames()).toEqual([
      { type: 'ack', id: 'first' },
      { type: 'error', id: 'bad', code: ErrorCode.Conflict, message: 'No.' },
      { type: 'ack', id: 'third' },
      { type: 'pong' },
    ]);
  });

  it('handles no frame before `open` accepted the socket, and none after it refused', async () => {
    let accept!: (ok: boolean) => void;
    const { receive, frames } = served({ open: () => new Promise((resolve) => (accept = resolve)) });
    receive({ type: 'ping' });
    await sleep(5);
    expect(frames()).toEqual([]);
    accept(false);
    receive({ type: 'ping' });
    await sleep(5);
    expect(frames()).toEqual([]);
  });

  it('closes the socket when `hello` is refused', async () => {
    const { socket, receive, frames } = served({
      hello: () => Promise.reject(new DomainError(ErrorCode.Unauthorized, 'Unknown visitor token.')),
    });
    receive({ type: 'hello', v: PROTOCOL_VERSION });
    await vi.waitFor(() => expect(socket.closedWith).toBe(CloseCode.Unauthorized));
    expect(frames()).toEqual([
      { type: 'error', code: ErrorCode.Unauthorized, message: 'Unknown visitor token.' },
    ]);
  });
});
