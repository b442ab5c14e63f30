import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ReconnectingClient, CommandError, type ConnectionStatus } from './reconnecting-client.js';
import { fakeNetwork, type FakeSocket } from './fake-socket.js';
import { backoffDelay } from './backoff.js';

type Frame = { type: string; [k: string]: unknown };

function setup(overrides: Partial<ConstructorParameters<typeof ReconnectingClient<Frame>>[0]> = {}) {
  const frames: Frame[] = [];
  const statuses: ConnectionStatus[] = [];
  let resumeSeq = 0;
  const client = new ReconnectingClient<Frame>({
    url: () => 'ws://test/ws',
    hello: () => ({ type: 'hello', v: 1, afterSeq: resumeSeq }),
    onFrame: (f) => frames.push(f),
    onStatus: (s) => statuses.push(s),
    createSocket: (url) => net.createSocket(url),
    random: () => 0.5,
    ...overrides,
  });
  return { client, frames, statuses, setSeq: (n: number) => (resumeSeq = n) };
}

function connect(): FakeSocket {
  const socket = net.last;
  socket.open();
  socket.receive({ type: 'welcome', v: 1 });
  return socket;
}

let net: ReturnType<typeof fakeNetwork>;
beforeEach(() => {
  vi.useFakeTimers();
  net = fakeNetwork();
});
afterEach(() => vi.useRealTimers());

describe('ReconnectingClient', () => {
  it('sends hello first on every connection, built fresh with the current resume position', () => {
    const { client, setSeq } = setup();
    client.start();
    const first = connect();
    expect(first.sent[0]).toEqual({ type: 'hello', v: 1, afterSeq: 0 });
    setSeq(7);
    first.drop();
    vi.advanceTimersByTime(30_000);
    const second = connect();
    expect(second).not.toBe(first);
    expect(second.sent[0]).toEqual({ type: 'hello', v: 1, afterSeq: 7 });
  });

  it('queues commands sent while offline and delivers them once after welcome', async () => {
    const { client } = setup();
    client.start();
    const ack = client.send({ type: 'message.send', id: 'cmd-00001' });
    expect(net.last.sent).toEqual([]);
    const socket = connect();
    expect(socket.sentOfType('message.send')).toEqual([{ type: 'message.send', id: 'cmd-00001' }]);
    socket.receive({ type: 'ack', id: 'cmd-00001', message: { seq: 1 } });
    await expect(ack).resolves.toMatchObject({ id: 'cmd-00001' });
    expect(client.pending).toEqual([]);
  });

  it('resends unacked commands with the same id after a reconnect, and only those', () => {
    const { client } = setup();
    client.start();
    const socket = connect();
    void client.send({ type: 'message.send', id: 'acked-001' });
    void client.send({ type: 'message.send', id: 'lost-0001' });
    socket.receive({ type: 'ack', id: 'acked-001' });
    socket.drop();
    vi.advanceTimersByTime(30_000);
    const next = connect();
    expect(next.sentOfType('message.send').map((f) => f.id)).toEqual(['lost-0001']);
  });

  it('returns the same promise when a command id is sent twice', () => {
    const { client } = setup();
    client.start();
    const a = client.send({ type: 'message.send', id: 'same-0001' });
    const b = client.send({ type: 'message.send', id: 'same-0001' });
    expect(a).toBe(b);
    expect(client.pending).toHaveLength(1);
  });

  it('rejects a command the server refuses and passes id-less errors to onFrame', async () => {
    const { client, frames } = setup();
    client.start();
    const socket = connect();
    const p = client.send({ type: 'message.send', id: 'bad-00001' });
    socket.receive({ type: 'error', id: 'bad-00001', code: 'invalid_frame', message: 'nope' });
    await expect(p).rejects.toMatchObject({ code: 'invalid_frame' });
    socket.receive({ type: 'error', code: 'not_found', message: 'resume' });
    expect(frames.map((f) => f.type)).toEqual(['welcome', 'error']);
  });

  it('bounds the outbox', async () => {
    const { client } = setup({ maxOutbox: 2 });
    client.start();
    void client.send({ type: 'x', id: 'one-00001' });
    void client.send({ type: 'x', id: 'two-00001' });
    const third = client.send({ type: 'x', id: 'three-001' });
    await expect(third).rejects.toBeInstanceOf(CommandError);
    await expect(third).rejects.toMatchObject({ code: 'outbox_full' });
  });

  it('backs off exponentially with jitter, and resets after a welcome', () => {
    const { client } = setup();
    client.start();
    net.last.drop();
    // random() = 0.5: delays are 3/4 of 500, 1000, 2000 ms.
    vi.advanceTimersByTime(374);
    expect(net.sockets).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(net.sockets).toHaveLength(2);
    net.last.drop();
    vi.advanceTimersByTime(749);
    expect(net.sockets).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(net.sockets).toHaveLength(3);
    connect().drop();
    vi.advanceTimersByTime(375);
    expect(net.sockets).toHaveLength(4);
  });

  it('keeps jittered delays within [half, full] of the capped exponential', () => {
    for (let attempt = 0; attempt < 40; attempt++) {
      const ceiling = Math.min(30_000, 500 * 2 ** attempt);
      expect(backoffDelay(attempt, 500, 30_000, () => 0)).toBe(ceiling / 2);
      expect(backoffDelay(attempt, 500, 30_000, () => 1)).toBe(ceiling);
    }
  });

  it('pings while online and drops a connection that has gone silent', () => {
    const { client, statuses } = setup({ heartbeatMs: 1000, deadAfterMs: 3500 });
    client.start();
    const socket = connect();
    vi.advanceTimersByTime(1000);
    expect(socket.sentOfType('ping')).toHaveLength(1);
    vi.advanceTimersByTime(3000);
    expect(statuses.at(-1)).toBe('offline');
    expect(socket.readyState).toBe(3);
    vi.advanceTimersByTime(1000);
    expect(net.sockets.length).toBeGreaterThan(1);
  });

  it('stops for good on a fatal close code', () => {
    const { client, statuses } = setup();
    client.start();
    connect().drop(4001);
    vi.advanceTimersByTime(60_000);
    expect(net.sockets).toHaveLength(1);
    expect(statuses.at(-1)).toBe('stopped');
    expect(client.status).toBe('stopped');
  });

  it('redials at once on reconnectNow', () => {
    const { client } = setup();
    client.start();
    net.last.drop();
    client.reconnectNow();
    expect(net.sockets).toHaveLength(2);
  });

  it('redials on reconnectNow even while an attempt hangs, but not while online', () => {
    const { client } = setup();
    client.start();
    expect(client.status).toBe('connecting');
    client.reconnectNow(); // the first attempt never opened (a dead network)
    expect(net.sockets).toHaveLength(2);
    expect(net.sockets[0]!.readyState).toBe(3);
    connect();
    client.reconnectNow();
    expect(net.sockets).toHaveLength(2);
  });

  it('drops the socket at once on dropNow, keeps the outbox, and retries with backoff', () => {
    const { client, statuses } = setup();
    client.start();
    const socket = connect();
    void client.send({ type: 'message.send', id: 'cmd-00009' }).catch(() => {});
    client.dropNow();
    expect(statuses.at(-1)).toBe('offline');
    expect(socket.readyState).toBe(3);
    expect(client.pending).toHaveLength(1);
    vi.advanceTimersByTime(300);
    expect(net.sockets).toHaveLength(1); // the first backoff (375 ms here) has not passed yet
    client.reconnectNow();
    expect(net.sockets).toHaveLength(2);
    expect(connect().sentOfType('message.send')).toHaveLength(1);
    client.stop();
    client.dropNow(); // nothing to drop
    expect(statuses.at(-1)).toBe('stopped');
  });

  it('rejects pending commands when stopped', async () => {
    const { client } = setup();
    client.start();
    const p = client.send({ type: 'x', id: 'pending-1' });
    client.stop();
    await expect(p).rejects.toMatchObject({ code: 'stopped' });
  });
});
