// Pure helpers for the conversation cache (a map by id) and the list shown from it.
import type { Conversation, Message } from '@livechat/shared/model';
import { inScope, type ListFilters } from './list-filters.js';
import type { FolderId } from './folders.js';

export type ConversationMap = ReadonlyMap<string, Conversation>;

/** Keeps whichever copy is newer, so a slow HTTP response cannot undo a live update. */
export function upsertConversation(map: ConversationMap, conversation: Conversation): ConversationMap {
  const held = map.get(conversation.id);
  if (held && held.updatedAt > conversation.updatedAt) return map;
  const next = new Map(map);
  next.set(conversation.id, conversation);
  return next;
}

export function removeConversation(map: ConversationMap, id: string): ConversationMap {
  if (!map.has(id)) return map;
  const next = new Map(map);
  next.delete(id);
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

export interface ListAnswer {
  conversations: ConversationMap;
  listIds: ReadonlySet<string>;
  removed: ReadonlySet<string>;
}

/**
 * Applies the server's list to what is held. Live frames that arrived while it was asked win: conversations they
 * added stay listed, those they removed stay out; anything listed is visible to the agent again.
 */
export function applyListAnswer(
  held: { conversations: ConversationMap; removed: ReadonlySet<string> },
  fresh: readonly Conversation[],
  live: { added: ReadonlySet<string>; removed: ReadonlySet<string> },
): ListAnswer {
  let { conversations } = held;
  const listIds = new Set(live.added);
  const removed = new Set(held.removed);
  for (const c of fresh) {
    if (live.removed.has(c.id)) continue;
    conversations = upsertConversation(conversations, c);
    listIds.add(c.id);
    removed.delete(c.id);
  }
  return { conversations, listIds, removed };
}

/** Newest activity first; the higher number first on a tie. */
export function byActivity(a: Conversation, b: Conversation): number {
  return b.updatedAt - a.updatedAt || b.number - a.number;
}

export interface ListView {
  folder: FolderId;
  filters: ListFilters;
  agentId: string;
}

/**
 * The list as shown: the listed ids' current copies that still belong in the folder (a colleague may have taken
 * one since), newest activity first.
 */
export function visibleList(map: ConversationMap, ids: ReadonlySet<string>, view: ListView): Conversation[] {
  const out: Conversation[] = [];
  for (const id of ids) {
    const c = map.get(id);
    if (c && inScope(c, view.folder, view.filters, view.agentId)) out.push(c);
  }
  return out.sort(byActivity);
}
