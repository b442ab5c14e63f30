// Pure helpers for the conversation cache: a map by id, shown filtered by status, newest activity first.
import type { Conversation, ConversationStatus, Message } from '@livechat/shared/model';

export type ConversationMap = ReadonlyMap<string, Conversation>;

/** Keeps whichever copy is newer, so a slow HTTP response cannot undo a live update. */
export function upsertConversation(map: ConversationMap, conversation: Conversation): ConversationMap {
  const held = map.get(conversation.id);
  if (held && held.updatedAt > conversation.updatedAt) return map;
  const next = new Map(map);
  next.set(conversation.id, conversation);
  return next;
}

/**
 * Applies a fresh list of every conversation with `status`: upserts them and drops held ones with that status
 * that the server no longer lists, except those a live frame touched while the request was in flight.
 */
export function replaceStatus(
  map: ConversationMap,
  status: ConversationStatus,
  fresh: readonly Conversation[],
  touchedLive: ReadonlySet<string>,
): ConversationMap {
  const listed = new Set(fresh.map((c) => c.id));
  let next: ConversationMap = new Map(
    [...map].filter(([id, c]) => c.status !== status || listed.has(id) || touchedLive.has(id)),
  );
  for (const c of fresh) next = upsertConversation(next, c);
  return next;
}

/** Reflects a new message in the list row at once, before the server's `conversation.updated` arrives. */
export function applyMessage(map: ConversationMap, message: Message): ConversationMap {
  const held = map.get(message.conversationId);
  if (!held || held.lastSeq >= message.seq) return map;
  const next = new Map(map);
  next.set(held.id, {
    ...held,
    lastSeq: message.seq,
    lastMessagePreview: message.body.slice(0, 200),
    updatedAt: Math.max(held.updatedAt, message.createdAt),
  });
  return next;
}

export function listConversations(map: ConversationMap, status: ConversationStatus): Conversation[] {
  return [...map.values()]
    .filter((c) => c.status === status)
    .sort((a, b) => b.updatedAt - a.updatedAt || b.number - a.number);
}
