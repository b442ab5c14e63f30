// Test doubles for the visitor channel: a SocketLike driven by the test, and message/frame builders.
import type { SocketLike } from '@livechat/shared/client';
import type { Message } from '@livechat/shared/model';

export class FakeSocket implements SocketLike {
  readyState = 0;
  readonly sent: string[] = [];
  onopen: SocketLike['onopen'] = null;
  onmessage: SocketLike['onmessage'] = null;
  onclose: SocketLike['onclose'] = null;
  onerror: SocketLike['onerror'] = null;

  constructor(readonly url: string) {}

  send(data: string): void {
    this.sent.push(data);
  }

  close(): void {
    this.readyState = 3;
  }

  /** The server accepted the connection (the client then sends hello). */
  open(): void {
    this.readyState = 1;
    this.onopen?.({});
  }

  receive(frame: object): void {
    this.onmessage?.({ data: JSON.stringify(frame) });
  }

  /** The server (or the network) closed the connection. */
  drop(code: number): void {
    this.readyState = 3;
    this.onclose?.({ code, reason: '' });
  }

  frames(): Record<string, unknown>[] {
    return this.sent.map((s) => JSON.parse(s) as Record<string, unknown>);
  }

  /** The `message.send` commands written to this socket. */
  sends(): { id: string; body: string }[] {
    return this.frames().filter((f) => f.type === 'message.send') as unknown as {
      id: string;
      body: string;
    }[];
  }
}

export function fakeNetwork() {
  const sockets: FakeSocket[] = [];
  return {
    sockets,
    createSocket: (url: string): SocketLike => {
      const socket = new FakeSocket(url);
      sockets.push(socket);
      return socket;
    },
    last: (): FakeSocket => {
      const socket = sockets.at(-1);
      if (!socket) throw new Error('no socket was created');
      return socket;
    },
  };
}

export const TOKEN = 'visitor-token-0123456789';

export const welcome = (conversationId: string | null, token?: string) => ({
  type: 'welcome',
  v: 1,
  visitorId: 'v1',
  conversationId,
  ...(token && { token }),
});

export function agentMessage(seq: number, over: Partial<Message> = {}): Message {
  return {
    id: `m${seq}`,
    conversationId: 'c1',
    seq,
    clientId: null,
    author: { kind: 'agent', id: 'a1', name: 'Ada' },
    body: `agent says ${seq}`,
    createdAt: 1_700_000_000_000 + seq,
    ...over,
  };
}

export const visitorMessage = (seq: number, clientId: string, body: string, conversationId = 'c1'): Message =>
  agentMessage(seq, {
    clientId,
    body,
    conversationId,
    author: { kind: 'visitor', id: 'v1', name: 'Visitor' },
  });
