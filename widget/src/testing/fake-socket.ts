// Test doubles for the visitor channel: the shared fake socket, and message/frame builders.
import type { Message, MessageContent, QuestionInput } from '@livechat/shared/model';
import type { RichText } from '@livechat/shared/rich-text';

export { FakeSocket, fakeNetwork } from '@livechat/shared/testing';

/** A `message.send` command as the widget writes it. */
export interface SentMessage {
  id: string;
  body: string;
}

export const TOKEN = 'visitor-token-0123456789';

export const welcome = (conversationId: string | null, token?: string, extra: object = {}) => ({
  type: 'welcome',
  v: 1,
  visitorId: 'v1',
  conversationId,
  ...(token && { token }),
  ...extra,
});

/** What a playbook-era server adds to the welcome. */
export const SITE = { botName: 'Robo Helper', botAvatarUrl: null, locale: 'en' };

export function agentMessage(seq: number, over: Partial<Message> = {}): Message {
  return {
    // Unique across conversations, as server ids are.
    id: `${over.conversationId ?? 'c1'}-m${seq}`,
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

/** One paragraph of rich text, with an optional bold tail. */
export const richText = (text: string, bold?: string): RichText => [
  {
    type: 'paragraph',
    children: [
      { type: 'text', text },
      ...(bold ? [{ type: 'bold' as const, children: [{ type: 'text' as const, text: bold }] }] : []),
    ],
  },
];

export const botMessage = (seq: number, content?: MessageContent, body = `bot says ${seq}`): Message =>
  agentMessage(seq, {
    author: { kind: 'bot', id: null, name: 'Robo Helper' },
    body,
    ...(content && { content }),
  });

export const systemMessage = (seq: number, content: MessageContent, body = `system ${seq}`): Message =>
  agentMessage(seq, { author: { kind: 'system', id: null, name: '' }, body, content });

export const question = (input: QuestionInput, choices?: string[]): MessageContent => ({
  type: 'question',
  stepId: `q-${input}`,
  text: richText(`Your ${input}?`),
  input,
  ...(choices && { choices }),
});

export const agentJoined = (name = 'Ada Lovelace'): MessageContent => ({
  type: 'agent_joined',
  agent: { id: 'a1', name },
});
