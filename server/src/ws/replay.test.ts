import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FastifyBaseLogger } from 'fastify';
import type { WebSocket } from 'ws';
import type { Message } from '@livechat/shared/model';
import { Connection, encodeFrame } from './connection.js';
import { REPLAY_HIGH_WATER, REPLAY_PAGE, replay, type ReplaySource } from './replay.js';

afterEach(() => vi.useRealTimers());

/** A connection whose client reads only when the test says so: each frame adds 1 KB to bufferedAmount. */
function slowClient() {
  const sent: { conversationId: string; seq: number }[] = [];
  const socket = { OPEN: 1, readyState: 1, bufferedAmount: 0 };
  const conn = {
    socket,
    holdLive() {},
    releaseLive() {},
    send(frame: { message: { conversationId: string; seq: number } }) {
      if (socket.readyState !== socket.OPEN) return false;
      sent.push({ conversationId: frame.message.conversationId, seq: frame.message.seq });
      socket.bufferedAmount += 1024;
      return true;
    },
  };
  return { conn: conn as unknown as Connection, socket, sent, read: () => (socket.bufferedAmount = 0) };
}

function store(sizes: Record<string, number>, openId: string | null = null): ReplaySource {
  return {
    page: (conversationId, afterSeq, limit) =>
      Promise.resolve(
        Array.from(
          { length: Math.max(0, Math.min(limit, (sizes[conversationId] ?? 0) - afterSeq)) },
          // Only what the fake client reads of a message.
          (_, i) => ({ conversationId, seq: afterSeq + i + 1 }) as Message,
        ),
      ),
    openId: () => Promise.resolve(openId),
  };
}

describe('replay', () => {
  it('sends pages only while the client keeps up, and everything once it has read', async () => {
    vi.useFakeTimers();
    const { conn, sent, read } = slowClient();
    const live = vi.fn(() => Promise.resolve());
    const done = replay(
      conn,
      store({ a: 3, b: 2000 }),
      [
        { conversationId: 'a', afterSeq: 0 },
        { conversationId: 'b', afterSeq: 0 },
      ],
      live,
    );
    await vi.advanceTimersByTimeAsync(100);
    // It stopped at the high-water mark: never more than one page past it, however long the client stalls.
    const stalled = sent.length;
    expect(stalled * 1024).toBeGreaterThan(REPLAY_HIGH_WATER);
    expect(stalled * 1024).toBeLessThanOrEqual(REPLAY_HIGH_WATER + REPLAY_PAGE * 1024);
    await vi.advanceTimersByTimeAsync(5000);
    expect(sent.length).toBe(stalled);
    expect(live).not.toHaveBeenCalled();

    for (let i = 0; i < 20 && !live.mock.calls.length; i++) {
      read();
      await vi.advanceTimersByTimeAsync(20);
    }
    await done;
    expect(sent.map((m) => `${m.conversationId}${m.seq}`)).toEqual([
      'a1',
      'a2',
      'a3',
      ...Array.from({ length: 2000 }, (_, i) => `b${i + 1}`),
    ]);
    expect(live).toHaveBeenCalledOnce();
  });

  it('stops without going live when the socket closes mid-replay', async () => {
    vi.useFakeTimers();
    const { conn, socket, sent } = slowClient();
    const live = vi.fn(() => Promise.resolve());
    const done = replay(conn, store({ a: 5000 }), [{ conversationId: 'a', afterSeq: 0 }], live);
    await vi.advanceTimersByTimeAsync(50);
    socket.readyState = 3;
    await vi.advanceTimersByTimeAsync(50);
    await done;
    expect(sent.length).toBeLessThan(5000);
    expect(live).not.toHaveBeenCalled();
  });

  it('replays a conversation the visitor opened during the replay, from its start, before going live', async () => {
    const { conn, sent } = slowClient();
    const live = vi.fn(() => {
      expect(sent.at(-1)).toEqual({ conversationId: 'new', seq: 2 });
      return Promise.resolve();
    });
    await replay(conn, store({ old: 2, new: 2 }, 'new'), [{ conversationId: 'old', afterSeq: 1 }], live);
    expect(sent.map((m) => `${m.conversationId}${m.seq}`)).toEqual(['old2', 'new1', 'new2']);
    expect(live).toHaveBeenCalledOnce();
  });
});

describe('replay going live', () => {
  it('sends each message once and in order, whether stored before, during or after the last read', async () => {
    const frames: string[] = [];
    const socket = {
      OPEN: 1,
      readyState: 1,
      bufferedAmount: 0,
      send: (data: Buffer) => frames.push(String(data)),
    };
    const quietLog = { warn() {}, error() {} } as unknown as FastifyBaseLogger;
    const conn = new Connection(socket as unknown as WebSocket, quietLog, { perSecond: 1, burst: 1 });
    const stored: Message[] = [1, 2, 3].map((seq) => ({ conversationId: 'a', seq }) as Message);
    const publish = (seq: number) => {
      const message = { conversationId: 'a', seq } as Message;
      conn.sendLive(encodeFrame({ type: 'message.created', message }), message);
    };
    let reads = 0;
    const source: ReplaySource = {
      page: (_, afterSeq) => {
        const page = stored.filter((m) => m.seq > afterSeq);
        // Stored and published after the last read: only its live event brings it.
        if (++reads === 2) publish(5);
        return Promise.resolve(page);
      },
      openId: () => Promise.resolve(null),
    };
    await replay(conn, source, [{ conversationId: 'a', afterSeq: 0 }], () => {
      // Stored before the last read, published once the socket is live: in the read and held.
      stored.push({ conversationId: 'a', seq: 4 } as Message);
      publish(4);
      return Promise.resolve();
    });
    publish(3); // a late event of a replayed message
    publish(6);
    const seqs = frames.map((f) => (JSON.parse(f) as { message: Message }).message.seq);
    expect(seqs).toEqual([1, 2, 3, 4, 5, 6]);
  });
});
