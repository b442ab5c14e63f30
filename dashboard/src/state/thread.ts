// Pure helpers for one conversation's message list: ordered by seq, one entry per seq.
import type { Attachment, DeliveryStatus, Message } from '@livechat/shared/model';
import { insertBySeq } from '@livechat/shared/client';

/** A reply the agent sent that the server has not stored yet (no seq). Matched to its echo by clientId. */
export interface PendingReply {
  clientId: string;
  conversationId: string;
  /** The words, or the caption of `attachments` (then possibly empty). */
  body: string;
  /** Files uploaded before sending, in the order they were attached. */
  attachments?: readonly Attachment[];
  createdAt: number;
  /** Set when the server refused it; the agent may retry with the same clientId. */
  error: string | null;
}

export type ThreadStatus = 'loading' | 'ready' | 'stale' | 'error';

export interface Thread {
  messages: readonly Message[];
  pending: readonly PendingReply[];
  /** `stale`: the cache may have missed messages while offline and is reloaded when next opened. */
  status: ThreadStatus;
  error: string | null;
}

export const emptyThread: Thread = { messages: [], pending: [], status: 'loading', error: null };

export function highestSeq(messages: readonly Message[]): number {
  return messages.length === 0 ? 0 : messages[messages.length - 1]!.seq;
}

export function mergeMessages(
  messages: readonly Message[],
  incoming: readonly Message[],
): readonly Message[] {
  let out = messages;
  for (const m of incoming) out = insertBySeq(out, m);
  return out;
}

/** Drops the pending replies that these stored messages are the echo of. */
export function settlePending(
  pending: readonly PendingReply[],
  stored: readonly Message[],
): readonly PendingReply[] {
  if (pending.length === 0) return pending;
  const ids = new Set(stored.map((m) => m.clientId).filter((id): id is string => id !== null));
  const left = pending.filter((p) => !ids.has(p.clientId));
  return left.length === pending.length ? pending : left;
}

/** How far a text got; reports may arrive out of order, and a later one never moves it back. */
const DELIVERY_RANK: Record<DeliveryStatus, number> = {
  queued: 0,
  sent: 1,
  delivered: 2,
  undelivered: 2,
  failed: 2,
};

/**
 * The list with `updated` in place of the message with its id (a delivery report). The same list when that message
 * is not held, or when the held copy's delivery is already further along.
 */
export function replaceMessage(messages: readonly Message[], updated: Message): readonly Message[] {
  const index = messages.findIndex((m) => m.id === updated.id);
  if (index === -1) return messages;
  const held = messages[index]!;
  if (
    held.delivery &&
    updated.delivery &&
    DELIVERY_RANK[updated.delivery.status] < DELIVERY_RANK[held.delivery.status]
  )
    return messages;
  const out = [...messages];
  out[index] = updated;
  return out;
}
