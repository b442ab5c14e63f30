// One WebSocket connection, channel-agnostic: parses and validates frames, enforces hello-first, rate and
// backpressure limits, and turns DomainErrors into error frames. Channel gateways supply the handlers.
import type { WebSocket } from 'ws';
import type { FastifyBaseLogger } from 'fastify';
import type { z } from 'zod';
import { CloseCode, ErrorCode, LIMITS, PROTOCOL_VERSION } from '@livechat/shared/protocol/constants';
import { DomainError } from '../domain/index.js';
import type { FrameRate } from '../config.js';

const MAX_STRIKES = 10;

export interface FrameHandlers<C extends { type: string }> {
  /** Handles the validated `hello`; throw DomainError to refuse it (the socket is then closed). */
  hello(frame: Extract<C, { type: 'hello' }>): void;
  /** Handles every other command after `hello`. */
  command(frame: Exclude<C, { type: 'hello' } | { type: 'ping' }>): void;
}

export class Connection {
  private strikes = 0;
  private tokens: number;
  private lastRefill = Date.now();
  helloDone = false;
  alive = true;

  constructor(
    readonly socket: WebSocket,
    readonly log: FastifyBaseLogger,
    private readonly rate: FrameRate,
  ) {
    this.tokens = rate.burst;
  }

  /** Sends a frame, or closes the socket when the client has stopped reading (bounded server memory). */
  send(frame: object): boolean {
    if (this.socket.readyState !== this.socket.OPEN) return false;
    if (this.socket.bufferedAmount > LIMITS.maxBufferedBytes) {
      this.log.warn({ buffered: this.socket.bufferedAmount }, 'closing slow consumer');
      this.close(CloseCode.SlowConsumer, 'slow consumer');
      setTimeout(() => this.socket.terminate(), 1000).unref();
      return false;
    }
    this.socket.send(JSON.stringify(frame));
    return true;
  }

  error(code: ErrorCode, message: string, id?: string): void {
    this.send({ type: 'error', ...(id ? { id } : {}), code, message });
  }

  close(code: number, reason: string): void {
    if (this.socket.readyState === this.socket.OPEN || this.socket.readyState === this.socket.CONNECTING) {
      this.socket.close(code, reason);
    }
  }

  /** Wires the socket's messages to the handlers, validating each frame against `schema`. */
  serve<C extends { type: string }>(schema: z.ZodType<C>, handlers: FrameHandlers<C>): void {
    const helloTimer = setTimeout(() => {
      if (!this.helloDone) this.close(CloseCode.HelloTimeout, 'hello timeout');
    }, LIMITS.helloTimeoutMs);
    helloTimer.unref();
    this.socket.on('pong', () => (this.alive = true));
    this.socket.on('close', () => clearTimeout(helloTimer));
    this.socket.on('message', (data, isBinary) => {
      this.alive = true;
      if (!this.takeToken()) return;
      const frame = this.parse(schema, isBinary ? null : data.toString());
      if (frame) this.dispatch(frame, handlers);
    });
  }

  private dispatch<C extends { type: string }>(frame: C, handlers: FrameHandlers<C>): void {
    const id = 'id' in frame && typeof frame.id === 'string' ? frame.id : undefined;
    try {
      if (frame.type === 'ping') {
        this.send({ type: 'pong' });
      } else if (frame.type === 'hello') {
        this.acceptHello(frame as Extract<C, { type: 'hello' }>, handlers);
      } else if (!this.helloDone) {
        this.error(ErrorCode.HelloRequired, 'Send hello first.', id);
      } else {
        handlers.command(frame as Exclude<C, { type: 'hello' } | { type: 'ping' }>);
      }
    } catch (err) {
      if (err instanceof DomainError) {
        this.error(err.code, err.message, id);
        if (frame.type === 'hello') {
          this.close(err.code === ErrorCode.Unauthorized ? CloseCode.Unauthorized : CloseCode.ProtocolViolation, err.message);
        }
        return;
      }
      this.log.error({ err }, 'frame handler failed');
      this.error(ErrorCode.Internal, 'Something went wrong on our side.', id);
    }
  }

  private acceptHello<C extends { type: string }>(frame: Extract<C, { type: 'hello' }>, handlers: FrameHandlers<C>) {
    if (this.helloDone) return this.error(ErrorCode.InvalidFrame, 'hello was already sent on this connection.');
    const v = (frame as { v?: unknown }).v;
    if (v !== PROTOCOL_VERSION) {
      this.error(ErrorCode.UnsupportedVersion, `Protocol version ${String(v)} is not supported; use ${PROTOCOL_VERSION}.`);
      return this.close(CloseCode.UnsupportedVersion, 'unsupported version');
    }
    handlers.hello(frame);
    this.helloDone = true;
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
    const id = typeof (raw as { id?: unknown } | null)?.id === 'string' ? (raw as { id: string }).id.slice(0, 64) : undefined;
    const detail = result ? result.error.issues.map((i) => `${i.path.join('.') || 'frame'}: ${i.message}`).join('; ') : 'not a JSON text frame';
    this.error(ErrorCode.InvalidFrame, `Invalid frame: ${detail}`.slice(0, 500), id);
    if (++this.strikes >= MAX_STRIKES || (!this.helloDone && (raw as { type?: unknown } | null)?.type === 'hello')) {
      this.close(CloseCode.ProtocolViolation, 'invalid frames');
    }
    return null;
  }

  /** Token bucket per connection: a flood gets an error, a sustained flood gets closed. */
  private takeToken(): boolean {
    const now = Date.now();
    this.tokens = Math.min(this.rate.burst, this.tokens + ((now - this.lastRefill) / 1000) * this.rate.perSecond);
    this.lastRefill = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return true;
    }
    if (++this.strikes >= MAX_STRIKES) this.close(CloseCode.RateLimited, 'rate limited');
    else this.error(ErrorCode.RateLimited, 'Too many frames; slow down.');
    return false;
  }
}
