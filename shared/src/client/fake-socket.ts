// A scriptable SocketLike for tests of anything built on ReconnectingClient (client, widget, dashboard).
import { SOCKET_OPEN, type SocketLike } from './socket-like.js';

const CLOSED = 3;

export class FakeSocket implements SocketLike {
  readyState = 0;
  /** Frames the client sent, parsed. */
  readonly sent: Record<string, unknown>[] = [];
  onopen: SocketLike['onopen'] = null;
  onmessage: SocketLike['onmessage'] = null;
  onclose: SocketLike['onclose'] = null;
  onerror: SocketLike['onerror'] = null;

  constructor(readonly url: string) {}

  send(data: string): void {
    if (this.readyState !== SOCKET_OPEN) throw new Error('send on a socket that is not open');
    this.sent.push(JSON.parse(data) as Record<string, unknown>);
  }

  /** The client closed it. */
  close(code = 1000): void {
    if (this.readyState === CLOSED) return;
    this.readyState = CLOSED;
    this.onclose?.({ code, reason: '' });
  }

  // What the server or the network does:
  open(): void {
    this.readyState = SOCKET_OPEN;
    this.onopen?.({});
  }

  receive(frame: object): void {
    this.onmessage?.({ data: JSON.stringify(frame) });
  }

  /** The server or the network closed the connection. */
  drop(code = 1006): void {
    this.close(code);
  }

  /** Frames of one type the client sent; the caller names the shape it expects. */
  sentOfType<F extends object = Record<string, unknown>>(type: string): F[] {
    return this.sent.filter((f) => f.type === type) as F[];
  }
}

/** A `createSocket` that records every socket it makes; `last` is the newest. */
export function fakeNetwork() {
  const sockets: FakeSocket[] = [];
  return {
    sockets,
    createSocket: (url: string): FakeSocket => {
      const socket = new FakeSocket(url);
      sockets.push(socket);
      return socket;
    },
    get last(): FakeSocket {
      const socket = sockets.at(-1);
      if (!socket) throw new Error('no socket was created');
      return socket;
    },
  };
}
