// One WebSocket connection, channel-agnostic: parses and validates frames, enforces hello-first, rate and
// backpressure limits, handles frames one at a time in arrival order, and turns DomainErrors into error frames.
// Channel gateways supply the handlers.
import type { WebSocket } from 'ws';
import type { FastifyBaseLogger } from 'fastify';
import type { z } from 'zod';
import { CloseCode, ErrorCode, LIMITS, PROTOCOL_VERSION } from '@livechat/shared/protocol/constants';
import type { Message } from '@livechat/shared/model';
import type { AgentServerFrame, COMMON_SERVER_FRAMES, VisitorServerFrame } from '@livechat/shared/protocol';
import { DomainError } from '../domain/index.js';
import type { Rate } from '../config.js';
import { TokenBucket } from './token-bucket.js';

const MAX_STRIKES = 10;
const NOTHING_REPLAYED: ReadonlyMap<string, number> = new Map();

/** The close code for a refused `hello`, by its error code; others close as a protocol violation. */
const HELLO_REFUSAL_CLOSE: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.Unauthorized]: CloseCode.Unauthorized,
  [ErrorCode.RateLimited]: CloseCode.RateLimited,
};

/** Any frame the server may send, on either channel: only the shared server-frame schemas' types compile. */
export type ServerFrame = AgentServerFrame | VisitorServerFrame;
/** Frames of both channels (ack, error, message.created, pong): every Connection may send them. */
export type CommonServerFrame = z.infer<(typeof COMMON_SERVER_FRAMES)[number]>;

declare const frameBrand: unique symbol;
/** A frame serialized by encodeFrame; it remembers its frame type, so it reaches only channels that carry it. */
export type EncodedFrame<F extends ServerFrame> = Buffer & { readonly [frameBrand]: F };

/** Serializes a frame once for sending to many connections with sendEncoded. */
export const encodeFrame = <F extends ServerFrame>(frame: F): EncodedFrame<F> =>
  Buffer.from(JSON.stringify(frame)) as EncodedFrame<F>;

/** Where a message sits in its conversation: what a replay and a live event are compared by. */
export type MessagePosition = Pick<Message, 'conversationId' | 'seq'>;

/**
 * A socket's handlers. Each runs once the one before it settled, so a socket's frames are handled in arrival order;
 * what they throw or reject with becomes an error frame.
 */
export interface FrameHandlers<C extends { type: string }> {
  /** Runs first, before any frame: the checks made at connect. False refuses the socket (after closing it). */
  open(): Promise<boolean>;
  /** Handles the validated `hello`; throw DomainError to refuse it (the socket is then closed). */
  hello(frame: Extract<C, { type: 'hello' }>): Promise<void>;
  /** Handles every other command after `hello`. */
  command(frame: Exclude<C, { type: 'hello' } | { type: 'ping' }>): Promise<void>;
}

/** A socket of one channel: `S` is that channel's server frames (AgentServerFrame or VisitorServerFrame). */
export class Connection<S extends ServerFrame = ServerFrame> {
  private strikes = 0;
  private readonly bucket: TokenBucket;
  private corked = false;
  private backlogAtCork = 0;
  helloDone = false;
  alive = true;
  /** When the peer last showed life (a frame or a pong), epoch ms. */
  lastSeen = Date.now();
  /**
   * Ids of this connection's message writes not yet acked: the fan-out skips their echo, the ack carries it. Made on
   * the first write: most sockets idle.
   */
  private awaitingAck: Set<string> | null = null;
  /** The frame being handled; the next one starts when it settles. */
  private handling: Promise<void> = Promise.resolve();
  /** Live events held while a replay finishes (null: sent at once), and their size in bytes. */
  private held: { data: Buffer; message: MessagePosition | undefined }[] | null = null;
  private heldBytes = 0;
  private helloTimer: NodeJS.Timeout | undefined;
  /** The last seq the replay sent per conversation: live events of messages up to it are duplicates. */
  private replayed: ReadonlyMap<string, number> = NOTHING_REPLAYED;

  constructor(
    readonly socket: WebSocket,
    readonly log: FastifyBaseLogger,
    rate: Rate,
  ) {
    this.bucket = new TokenBucket(rate, Date.now());
  }

  /** Sends a frame, or closes the socket when the client has stopped reading (bounded server memory). */
  send(frame: S | CommonServerFrame): boolean {
    return this.write(JSON.stringify(frame));
  }

  /** Sends a frame serialized once by encodeFrame for a fan-out to many connections. */
  sendEncoded(data: EncodedFrame<S | CommonServerFrame>): boolean {
    return this.write(data);
  }

  /**
   * Sends a live event (from the hub): held while a replay finishes (see holdLive), and dropped when it is a message
   * the replay already sent.
   */
  sendLive(data: EncodedFrame<S | CommonServerFrame>, message?: MessagePosition): boolean {
    if (message && message.seq <= (this.replayed.get(message.conversationId) ?? 0)) return true;
    if (this.held === null) return this.write(data);
    if (this.socket.readyState !== this.socket.OPEN) return false;
    this.heldBytes += data.length;
    if (this.heldBytes > LIMITS.maxBufferedBytes) return this.closeSlowConsumer(this.heldBytes);
    this.held.push({ data, message });
    return true;
  }

  /** Holds live events from now on, until releaseLive: they must follow what the replay still reads and sends. */
  holdLive(): void {
    this.held ??= [];
  }

  /** Sends the held live events in order, but none of the messages the replay sent (`replayed`: last seq each). */
  releaseLive(replayed: ReadonlyMap<string, number>): void {
    const held = this.held ?? [];
    this.held = null;
    this.heldBytes = 0;
    this.replayed = replayed;
    for (const { data, message } of held) {
      if (message && message.seq <= (replayed.get(message.conversationId) ?? 0)) continue;
      if (!this.write(data)) return;
    }
  }

  private write(data: Buffer | string): boolean {
    if (this.socket.readyState !== this.socket.OPEN) return false;
    // Bytes corked in this tick were never offered to the client: only what it had not taken before is a backlog.
    const backlog = this.corked ? this.backlogAtCork : this.socket.bufferedAmount;
    if (backlog > LIMITS.maxBufferedBytes) return this.closeSlowConsumer(backlog);
    this.coalesceWrites(backlog);
    this.socket.send(data, { binary: false });
    return true;
  }

  private closeSlowConsumer(buffered: number): false {
    this.log.warn({ buffered }, 'closing slow consumer');
    this.close(CloseCode.SlowConsumer, 'slow consumer');
    setTimeout(() => this.socket.terminate(), 1000).unref();
    return false;
  }

  /**
   * Frames sent to this socket in one tick (a group commit's events and acks) leave in one write instead of one
   * syscall each. Uncorked on nextTick, which runs only after the current callback's promise continuations.
   */
  private coalesceWrites(backlog: number): void {
    if (this.corked) return;
    // ws keeps the TCP socket in `_socket` (not in its types); without one there is nothing to cork.
    const transport = (this.socket as unknown as { _socket?: { cork(): void; uncork(): void } })._socket;
    if (!transport) return;
    this.corked = true;
    this.backlogAtCork = backlog;
    transport.cork();
    process.nextTick(() => {
      this.corked = false;
      transport.uncork();
    });
  }

  error(code: ErrorCode, message: string, id?: string): void {
    this.send({ type: 'error', ...(id ? { id } : {}), code, message });
  }

  close(code: number, reason: string): void {
    if (this.socket.readyState === this.socket.OPEN || this.socket.readyState === this.socket.CONNECTING) {
      this.socket.close(code, reason);
    }
  }

  /**
   * Starts the write for command `id` now and acks it with the stored message once committed; errors become its
   * error frame. The next frame does not wait for the commit: `write` must queue its unit before it first awaits,
   * so this socket's messages are stored in the order sent.
   */
  ackMessage(id: string, write: () => Promise<{ message: Message }>): void {
    (this.awaitingAck ??= new Set()).add(id);
    this.ackAfterCommit(id, write).catch((err: unknown) => this.log.error({ err }, 'ack failed'));
  }

  private async ackAfterCommit(id: string, write: () => Promise<{ message: Message }>): Promise<void> {
    try {
      const { message } = await write();
      this.send({ type: 'ack', id, message });
    } catch (err) {
      this.fail(err, 'message.send', id);
    } finally {
      this.awaitingAck?.delete(id);
    }
  }

  /** True while this connection waits for the ack of the command that made this message. */
  isAwaitingAck(clientId: string | null): boolean {
    return clientId !== null && this.awaitingAck !== null && this.awaitingAck.has(clientId);
  }

  /** Wires the socket's messages to the handlers, validating each frame against `schema`. */
  serve<C extends { type: string }>(schema: z.ZodType<C>, handlers: FrameHandlers<C>): void {
    const helloTimer = setTimeout(() => {
      if (!this.helloDone) this.close(CloseCode.HelloTimeout, 'hello timeout');
    }, LIMITS.helloTimeoutMs);
    helloTimer.unref();
    this.socket.on('pong', () => {
      this.alive = true;
      this.lastSeen = Date.now();
    });
    this.socket.once('close', () => clearTimeout(helloTimer));
    this.helloTimer = helloTimer;
    // Listening from the start (frames sent right after the upgrade are not lost), handling after `open`.
    let accepted = false;
    this.enqueue(async () => {
      try {
        accepted = await handlers.open();
      } catch (err) {
        this.log.error({ err }, 'connect check failed');
        this.close(CloseCode.Internal, 'connect check failed');
      }
    });
    this.socket.on('message', (data, isBinary) => {
      this.alive = true;
      this.lastSeen = Date.now();
      if (!this.takeToken()) return;
      // ws hands over a text message as one Buffer (binaryType 'nodebuffer' joins fragments).
      const frame = this.parse(schema, isBinary ? null : (data as Buffer).toString());
      if (frame) this.enqueue(() => (accepted ? this.dispatch(frame, handlers) : Promise.resolve()));
    });
  }

  /** Runs `step` after every step queued before it; a failure is logged and does not stop the ones after it. */
  private enqueue(step: () => Promise<void>): void {
    this.handling = this.handling.then(step).catch((err: unknown) => {
      this.log.error({ err }, 'frame handling failed');
    });
  }

  private async dispatch<C extends { type: string }>(frame: C, handlers: FrameHandlers<C>): Promise<void> {
    const id = 'id' in frame && typeof frame.id === 'string' ? frame.id : undefined;
    try {
      if (frame.type === 'ping') {
        this.send({ type: 'pong' });
      } else if (frame.type === 'hello') {
        await this.acceptHello(frame as Extract<C, { type: 'hello' }>, handlers);
      } else if (!this.helloDone) {
        this.error(ErrorCode.HelloRequired, 'Send hello first.', id);
      } else {
        await handlers.command(frame as Exclude<C, { type: 'hello' } | { type: 'ping' }>);
      }
    } catch (err) {
      this.fail(err, frame.type, id);
    }
  }

  /** A DomainError becomes its error frame (and closes the socket when it refused `hello`); anything else is ours. */
  private fail(err: unknown, frameType: string, id: string | undefined): void {
    if (err instanceof DomainError) {
      this.error(err.code, err.message, id);
      if (frameType === 'hello') {
        this.close(HELLO_REFUSAL_CLOSE[err.code] ?? CloseCode.ProtocolViolation, err.message);
      }
      return;
    }
    this.log.error({ err }, 'frame handler failed');
    this.error(ErrorCode.Internal, 'Something went wrong on our side.', id);
  }

  private async acceptHello<C extends { type: string }>(
    frame: Extract<C, { type: 'hello' }>,
    handlers: FrameHandlers<C>,
  ): Promise<void> {
    if (this.helloDone)
      return this.error(ErrorCode.InvalidFrame, 'hello was already sent on this connection.');
    const v = (frame as { v?: unknown }).v;
    if (v !== PROTOCOL_VERSION) {
      this.error(
        ErrorCode.UnsupportedVersion,
        `Protocol version ${String(v)} is not supported; use ${PROTOCOL_VERSION}.`,
      );
      return this.close(CloseCode.UnsupportedVersion, 'unsupported version');
    }
    await handlers.hello(frame);
    this.helloDone = true;
    clearTimeout(this.helloTimer);
  }

  private parse<C>(schema: z.ZodType<C>, text: string | null): C | null {
    let raw: unknown;
    try {
      raw = text === null ? undefined : JSON.parse(text);
    } catch {
      raw = undefined;
    }
    const result = raw === undefined ? null : schema.safeParse(raw);
    if (result?.success) return result.data;
    const id =
      typeof (raw as { id?: unknown } | null)?.id === 'string'
        ? (raw as { id: string }).id.slice(0, 64)
        : undefined;
    const detail = result
      ? result.error.issues.map((i) => `${i.path.join('.') || 'frame'}: ${i.message}`).join('; ')
      : 'not a JSON text frame';
    this.error(ErrorCode.InvalidFrame, `Invalid frame: ${detail}`.slice(0, 500), id);
    if (
      ++this.strikes >= MAX_STRIKES ||
      (!this.helloDone && (raw as { type?: unknown } | null)?.type === 'hello')
    ) {
      this.close(CloseCode.ProtocolViolation, 'invalid frames');
    }
    return null;
  }

  /** A flood gets an error frame, a sustained flood gets the socket closed. */
  private takeToken(): boolean {
    if (this.bucket.take(Date.now())) return true;
    if (++this.strikes >= MAX_STRIKES) this.close(CloseCode.RateLimited, 'rate limited');
    else this.error(ErrorCode.RateLimited, 'Too many frames; slow down.');
    return false;
  }
}
