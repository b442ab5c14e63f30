// The message list of one conversation: server messages keyed by seq (each exactly once, in seq order), then the
// visitor's unacknowledged messages in send order. Pure functions over an immutable value.
import type { AuthorKind, Message, MessageContent } from '@livechat/shared/model';
import { insertBySeq } from '@livechat/shared/client';

export type MessageStatus = 'sending' | 'sent' | 'failed';

export interface ChatMessage {
  /** Stable render key: the client id while pending and after (so the row is not remounted), else the seq. */
  key: string;
  seq: number | null;
  clientId: string | null;
  author: { kind: AuthorKind; name: string };
  body: string;
  /** What a bot or system message shows instead of its plain body (see playbook-view.ts). */
  content?: MessageContent;
  status: MessageStatus;
}

/** A message the server stored: it has its seq. */
export type ConfirmedMessage = ChatMessage & { seq: number };

export interface Messages {
  /** Sorted by seq, no duplicates. */
  confirmed: readonly ConfirmedMessage[];
  /** Sent by this page, no seq yet, in send order. */
  pending: readonly ChatMessage[];
}

export const EMPTY: Messages = { confirmed: [], pending: [] };

export const lastSeq = (s: Messages): number => s.confirmed.at(-1)?.seq ?? 0;

export const allMessages = (s: Messages): ChatMessage[] => [...s.confirmed, ...s.pending];

export function addPending(s: Messages, clientId: string, body: string): Messages {
  if (s.pending.some((m) => m.clientId === clientId)) return s;
  const message: ChatMessage = {
    key: clientId,
    seq: null,
    clientId,
    author: { kind: 'visitor', name: '' },
    body,
    status: 'sending',
  };
  return { ...s, pending: [...s.pending, message] };
}

/**
 * Adds a stored message (from an ack, an echo or a replay) unless its seq is already held, and retires the
 * pending message with the same client id. `added` tells whether it was new.
 */
export function confirm(s: Messages, m: Message): { messages: Messages; added: boolean } {
  const pending = m.clientId === null ? s.pending : s.pending.filter((p) => p.clientId !== m.clientId);
  const message: ConfirmedMessage = {
    key: m.clientId ?? `s${m.seq}`,
    seq: m.seq,
    clientId: m.clientId,
    author: { kind: m.author.kind, name: m.author.name },
    body: m.body,
    content: m.content,
    status: 'sent',
  };
  const confirmed = insertBySeq(s.confirmed, message);
  if (confirmed === s.confirmed)
    return { messages: pending === s.pending ? s : { ...s, pending }, added: false };
  return { messages: { confirmed, pending }, added: true };
}

export function setStatus(s: Messages, clientId: string, status: MessageStatus): Messages {
  return { ...s, pending: s.pending.map((m) => (m.clientId === clientId ? { ...m, status } : m)) };
}

/** A different conversation: drop what the server will replay, keep what the visitor has not got delivered. */
export const clearConfirmed = (s: Messages): Messages => ({ ...s, confirmed: [] });
