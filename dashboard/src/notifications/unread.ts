// The tab title's count: visitor messages in the agent's chats, and new chats in Unassigned, not yet seen.
import type { Alert } from './classify.js';

/** Unseen items per conversation. */
export type Unread = ReadonlyMap<string, number>;

/** An assignment is not counted: the chat's messages are. */
export const countsAsUnread = (alert: Alert): boolean => alert.kind !== 'assignedToMe';

export function addUnread(unread: Unread, conversationId: string): Unread {
  const next = new Map(unread);
  next.set(conversationId, (unread.get(conversationId) ?? 0) + 1);
  return next;
}

export function clearUnread(unread: Unread, conversationId: string): Unread {
  if (!unread.has(conversationId)) return unread;
  const next = new Map(unread);
  next.delete(conversationId);
  return next;
}

export function totalUnread(unread: Unread): number {
  let total = 0;
  for (const n of unread.values()) total += n;
  return total;
}

/** "(3) LiveChat" while something is unseen, the page's own title otherwise. */
export function unreadTitle(count: number, baseTitle: string): string {
  return count > 0 ? `(${count}) LiveChat` : baseTitle;
}
