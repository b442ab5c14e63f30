// Lets a second listener hear the frames a ReconnectingClient receives, without changing the client: the socket
// factory is wrapped, and every incoming frame is offered to `onFrame` just before the client gets it.
import type { SocketLike } from '@livechat/shared/client';
import type { AgentServerFrame } from '@livechat/shared/protocol';

export type CreateSocket = (url: string) => SocketLike;

const browserSocket: CreateSocket = (url) => new WebSocket(url) as unknown as SocketLike;

class TappedSocket implements SocketLike {
  private handler: SocketLike['onmessage'] = null;

  constructor(
    private readonly socket: SocketLike,
    private readonly onFrame: (frame: AgentServerFrame) => void,
  ) {}

  get readyState() {
    return this.socket.readyState;
  }
  get onopen() {
    return this.socket.onopen;
  }
  set onopen(handler) {
    this.socket.onopen = handler;
  }
  get onclose() {
    return this.socket.onclose;
  }
  set onclose(handler) {
    this.socket.onclose = handler;
  }
  get onerror() {
    return this.socket.onerror;
  }
  set onerror(handler) {
    this.socket.onerror = handler;
  }
  get onmessage() {
    return this.handler;
  }
  set onmessage(handler) {
    this.handler = handler;
    this.socket.onmessage =
      handler &&
      ((ev) => {
        try {
          this.observe(ev.data);
        } finally {
          // Whatever the listener does, the client still gets its frame.
          handler(ev);
        }
      });
  }

  send(data: string): void {
    this.socket.send(data);
  }

  close(code?: number, reason?: string): void {
    this.socket.close(code, reason);
  }

  private observe(data: unknown): void {
    if (typeof data !== 'string') return;
    let frame: unknown;
    try {
      frame = JSON.parse(data);
    } catch {
      return; // the client ignores it too
    }
    if (frame && typeof (frame as { type?: unknown }).type === 'string')
      this.onFrame(frame as AgentServerFrame);
  }
}

export function tapSocket(
  create: CreateSocket | undefined,
  onFrame: (frame: AgentServerFrame) => void,
): CreateSocket {
  const base = create ?? browserSocket;
  return (url) => new TappedSocket(base(url), onFrame);
}
