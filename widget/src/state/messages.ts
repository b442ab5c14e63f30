// What the panel lists: the visitor's conversations one after another (a closed one stays readable above the next),
// each conversation's server messages by seq (each exactly once), then the visitor's unacknowledged messages in send
// order. Pure functions over an immutable value.
import type { Attachment, AuthorKind, Message, MessageContent } from '@livechat/shared/model';

export type MessageStatus = 'sending' | 'sent' | 'failed';

export interface ChatMessage {
  /** Stable render key: the client id while pending and after (so the row is not remounted), else the server id. */
  key: string;
  seq: number | null;
  clientId: string | null;
  author: { kind: AuthorKind; name: string };
  body: string;
  /** What a bot or system message shows instead of its plain body (see playbook-view.ts). */
  content?: MessageContent;
  /** Files sent with it; `body` is then their caption (possibly empty). */
  attachments?: readonly Attachment[];
  status: MessageStatus;
  /** When the server stored it (epoch ms); absent while pending. */
  createdAt?: number;
}

/** A message the server stored: it has its conversation and seq. */
export type ConfirmedMessage = ChatMessage & { seq: number; conversationId: string };

export interface Messages {
  /** Conversation ids, oldest first: the order their messages are listed in. */
  order: readonly string[];
  /** Sorted by (conversation, seq), no duplicates. */
  confirmed: readonly ConfirmedMessage[];
  /** Sent by this page, no seq yet, in send order. */
  pending: readonly ChatMessage[];
}

export const EMPTY: Messages = { order: [], confirmed: [], pending: [] };

/** The highest seq held of one conversation. */
export const lastSeq = (s: Messages, conversationId: string): number =>
  s.confirmed.findLast((m) => m.conversationId === conversationId)?.seq ?? 0;

export const allMessages = (s: Messages): ChatMessage[] => [...s.confirmed, ...s.pending];

/** Conversations the server announced (oldest first), after those already listed. */
export const addConversations = (s: Messages, ids: readonly string[]): Messages => {
  const order = [...s.order];
  for (const id of ids) if (!order.includes(id)) order.push(id);
  return { ...s, order };
};

export function addPending(
  s: Messages,
  clientId: string,
  body: string,
  attachments?: readonly Attachment[],
): Messages {
  if (s.pending.some((m) => m.clientId === clientId)) return s;
  const message: ChatMessage = {
    key: clientId,
    seq: null,
    clientId,
    author: { kind: 'visitor', name: '' },
    body,
    attachments,
    status: 'sending',
  };
  return { ...s, pending: [...s.pending, message] };
}

/**
 * Adds a stored message (from an ack, an echo or a replay) unless it is already held, and retires the pending
 * message with the same client id. A conversation not listed yet goes after the others. `added` tells whether it
 * was new.
 */
export function confirm(s: Messages, m: Message): { messages: Messages; added: boolean } {
  const pending = m.clientId === null ? s.pending : s.pending.filter((p) => p.clientId !== m.clientId);
  const { order } = addConversations(s, [m.conversationId]);
  const rank = (x: { conversationId: string; seq: number }): number =>
    order.indexOf(x.conversationId) * 2 ** 32 + x.seq;
  const at = rank(m);
  const list = s.confirmed;
  // From the end: replays and live messages arrive in order, so this is usually one step.
  let i = list.length;
  while (i && rank(list[i - 1]!) > at) i--;
  if (i && rank(list[i - 1]!) === at) return { messages: { ...s, pending }, added: false };
  // The server's message as it came (its other fields ride along unused).
  const message: ConfirmedMessage = { ...m, key: m.clientId ?? m.id, status: 'sent' };
  return {
    messages: { order, confirmed: [...list.slice(0, i), message, ...list.slice(i)], pending },
    added: true,
  };
}

export function setStatus(s: Messages, clientId: string, status: MessageStatus): Messages {
  return { ...s, pending: s.pending.map((m) => (m.clientId === clientId ? { ...m, status } : m)) };
}

/** Another visitor (the stored token was refused): drop what was shown, keep what was not delivered yet. */
export const clearConfirmed = (s: Messages): Messages => ({ ...EMPTY, pending: s.pending });
