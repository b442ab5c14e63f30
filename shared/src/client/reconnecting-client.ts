// One reconnecting connection: hello on every (re)connect, jittered backoff, heartbeat, and a bounded outbox of
// commands that stay queued until the server acks them, so a command sent offline is delivered exactly once.
// It imports no zod, so the widget bundle stays small; frames from the server are trusted as typed.
import { ErrorCode, FATAL_CLOSE_CODES } from '../protocol/constants.js';
import { backoffDelay } from './backoff.js';
import { SOCKET_OPEN, type SocketLike } from './socket-like.js';

export type ConnectionStatus = 'connecting' | 'online' | 'offline' | 'stopped';

export interface Command {
  type: string;
  id: string;
}

interface ServerFrame {
  type: string;
  id?: string;
  code?: string;
  message?: unknown;
}

export interface ClientOptions<F> {
  /** Called before every connection attempt, so the URL may change (e.g. a new token). */
  url: () => string;
  /** The first frame of every connection, built fresh so it carries the current resume position. */
  hello: () => object;
  /** Every server frame except `pong` and the `ack`/`error` answers to commands sent through `send`. */
  onFrame: (frame: F) => void;
  onStatus?: (status: ConnectionStatus, closeCode?: number) => void;
  createSocket?: (url: string) => SocketLike;
  minDelayMs?: number;
  maxDelayMs?: number;
  /** How often to ping while online. */
  heartbeatMs?: number;
  /** A connection that has not heard from the server for this long is dropped and redialled. */
  deadAfterMs?: number;
  /** Most commands waiting for an ack; more are refused with `outbox_full`. */
  maxOutbox?: number;
  random?: () => number;
  now?: () => number;
}

/** A command the server refused (`error` frame), or one the client could not queue. */
export class CommandError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'CommandError';
  }
}

interface Pending<A> {
  command: Command;
  resolve: (ack: A) => void;
  reject: (error: CommandError) => void;
  promise: Promise<A>;
}

export class ReconnectingClient<F extends { type: string }, A = F> {
  #socket: SocketLike | null = null;
  readonly #outbox = new Map<string, Pending<A>>();
  #attempt = 0;
  #reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  #heartbeatTimer: ReturnType<typeof setInterval> | null = null;
  #lastHeard = 0;
  #current: ConnectionStatus = 'offline';
  #stopped = true;
  readonly #opts: Required<Omit<ClientOptions<F>, 'onStatus'>> & Pick<ClientOptions<F>, 'onStatus'>;

  constructor(options: ClientOptions<F>) {
    this.#opts = {
      createSocket: (url) => new WebSocket(url) as unknown as SocketLike,
      minDelayMs: 500,
      maxDelayMs: 30_000,
      heartbeatMs: 20_000,
      deadAfterMs: 45_000,
      maxOutbox: 200,
      random: Math.random,
      now: Date.now,
      // An option passed as undefined keeps its default.
      ...(Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as ClientOptions<F>),
    };
  }

  get status(): ConnectionStatus {
    return this.#current;
  }

  /** Commands sent but not yet acknowledged, oldest first. */
  get pending(): Command[] {
    return [...this.#outbox.values()].map((p) => p.command);
  }

  start(): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    this.#connect();
  }

  /** Close for good. Unacked commands are rejected. */
  stop(): void {
    this.#stopped = true;
    this.#clearTimers();
    this.#dropSocket(1000);
    this.#setStatus('stopped');
    for (const p of this.#outbox.values()) p.reject(new CommandError('stopped', 'client stopped'));
    this.#outbox.clear();
  }

  /**
   * Redial at once (the browser came back online), skipping the rest of the backoff and any attempt still hanging
   * on the dead network.
   */
  reconnectNow(): void {
    if (this.#stopped || this.#current === 'online') return;
    this.#attempt = 0;
    this.#connect();
  }

  /**
   * The network is gone (the browser's `offline` event): drop the socket now, since a dead network may not close it
   * for minutes, and retry with backoff (or at `reconnectNow`).
   */
  dropNow(): void {
    if (this.#stopped || !this.#socket) return;
    this.#dropSocket(4000);
    this.#clearTimers();
    this.#setStatus('offline');
    this.#scheduleReconnect();
  }

  /**
   * Queue a command until the server acks it. Sending the same id twice returns the first promise.
   * While offline the command waits and is sent after the next `welcome`.
   */
  send<C extends Command>(command: C): Promise<A> {
    const existing = this.#outbox.get(command.id);
    if (existing) return existing.promise;
    if (this.#outbox.size >= this.#opts.maxOutbox) {
      return Promise.reject(new CommandError(ErrorCode.OutboxFull, 'too many unsent messages'));
    }
    let resolve!: (ack: A) => void;
    let reject!: (error: CommandError) => void;
    const promise = new Promise<A>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    this.#outbox.set(command.id, { command, resolve, reject, promise });
    if (this.#current === 'online') this.#transmit(command);
    return promise;
  }

  /** Sends a frame that needs no answer (typing, a read position) if online; dropped otherwise, never queued. */
  cast<F extends { type: string }>(frame: F): void {
    if (this.#current === 'online') this.#transmit(frame as unknown as Command);
  }

  #connect(): void {
    this.#clearTimers();
    this.#dropSocket(1000);
    this.#setStatus('connecting');
    let socket: SocketLike;
    try {
      socket = this.#opts.createSocket(this.#opts.url());
    } catch {
      this.#scheduleReconnect();
      return;
    }
    this.#socket = socket;
    this.#lastHeard = this.#opts.now();
    socket.onopen = () => {
      this.#lastHeard = this.#opts.now();
      socket.send(JSON.stringify(this.#opts.hello()));
    };
    socket.onmessage = (ev) => this.#receive(ev.data);
    socket.onclose = (ev) => this.#handleClose(socket, ev.code);
    socket.onerror = () => {};
    this.#heartbeatTimer = setInterval(() => this.#heartbeat(), this.#opts.heartbeatMs);
  }

  #receive(data: unknown): void {
    this.#lastHeard = this.#opts.now();
    if (typeof data !== 'string') return;
    let frame: ServerFrame;
    try {
      frame = JSON.parse(data) as ServerFrame;
    } catch {
      return;
    }
    if (!frame || typeof frame.type !== 'string') return;
    if (frame.type === 'pong') return;
    if ((frame.type === 'ack' || frame.type === 'error') && frame.id !== undefined) {
      const pending = this.#outbox.get(frame.id);
      if (pending) {
        this.#outbox.delete(frame.id);
        if (frame.type === 'ack') pending.resolve(frame as A);
        else pending.reject(new CommandError(String(frame.code), String(frame.message)));
        return;
      }
    }
    if (frame.type === 'welcome') {
      this.#attempt = 0;
      this.#setStatus('online');
      // The frame handler sees `welcome` before any resent command can be answered.
      this.#opts.onFrame(frame as unknown as F);
      for (const p of this.#outbox.values()) this.#transmit(p.command);
      return;
    }
    this.#opts.onFrame(frame as unknown as F);
  }

  #handleClose(socket: SocketLike, code: number): void {
    if (socket !== this.#socket) return;
    this.#socket = null;
    this.#clearTimers();
    if (this.#stopped) return;
    if (FATAL_CLOSE_CODES.includes(code)) {
      this.#stopped = true;
      this.#setStatus('stopped', code);
      return;
    }
    this.#setStatus('offline', code);
    this.#scheduleReconnect();
  }

  #heartbeat(): void {
    const socket = this.#socket;
    if (!socket) return;
    // A dead network may not fire `close` for minutes: give up on this socket now.
    if (this.#opts.now() - this.#lastHeard > this.#opts.deadAfterMs) return this.dropNow();
    if (this.#current === 'online' && socket.readyState === SOCKET_OPEN) socket.send('{"type":"ping"}');
  }

  #transmit(command: Command): void {
    if (this.#socket?.readyState === SOCKET_OPEN) this.#socket.send(JSON.stringify(command));
  }

  #scheduleReconnect(): void {
    if (this.#stopped) return;
    const delay = backoffDelay(
      this.#attempt++,
      this.#opts.minDelayMs,
      this.#opts.maxDelayMs,
      this.#opts.random,
    );
    this.#reconnectTimer = setTimeout(() => this.#connect(), delay);
  }

  #dropSocket(code: number): void {
    const socket = this.#socket;
    if (!socket) return;
    this.#socket = null;
    socket.onopen = socket.onmessage = socket.onclose = socket.onerror = null;
    try {
      socket.close(code);
    } catch {
      // already closed
    }
  }

  #clearTimers(): void {
    if (this.#reconnectTimer) clearTimeout(this.#reconnectTimer);
    if (this.#heartbeatTimer) clearInterval(this.#heartbeatTimer);
    this.#reconnectTimer = this.#heartbeatTimer = null;
  }

  #setStatus(status: ConnectionStatus, closeCode?: number): void {
    if (status === this.#current && closeCode === undefined) return;
    this.#current = status;
    this.#opts.onStatus?.(status, closeCode);
  }
}
