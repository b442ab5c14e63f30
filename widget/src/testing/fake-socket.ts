// Test doubles for the visitor channel: the shared fake socket, and message/frame builders.
import type { Message } from '@livechat/shared/model';

export { FakeSocket, fakeNetwork } from '@livechat/shared/testing';

/** A `message.send` command as the widget writes it. */
export interface SentMessage {
  id: string;
  body: string;
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
