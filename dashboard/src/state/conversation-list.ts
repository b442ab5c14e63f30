// Pure helpers for the conversation cache (a map by id) and the list shown from it.
import type { Conversation, Message } from '@livechat/shared/model';
import { inScope, type ListFilters } from './list-filters.js';
import type { FolderId, InboxViewer } from './folders.js';
import { isNewerThanGone, unmarkGone, type GoneMap } from './gone.js';

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
  removed: GoneMap;
  /** Gone conversations the answer lists again (newer than their going): the agent may see them again. */
  returned: readonly string[];
}

/**
 * Applies the server's list to what is held. Live frames that arrived while it was asked win: conversations they
 * added stay listed, those they removed stay out; a gone conversation comes back only with a newer copy.
 */
export function applyListAnswer(
  held: { conversations: ConversationMap; removed: GoneMap },
  fresh: readonly Conversation[],
  live: { added: ReadonlySet<string>; removed: ReadonlySet<string> },
): ListAnswer {
  let { conversations, removed } = held;
  const listIds = new Set(live.added);
  const returned: string[] = [];
  for (const c of fresh) {
    if (live.removed.has(c.id) || !isNewerThanGone(removed, c)) continue;
    conversations = upsertConversation(conversations, c);
    listIds.add(c.id);
    if (removed.has(c.id)) returned.push(c.id);
    removed = unmarkGone(removed, c.id);
  }
  return { conversations, listIds, removed, returned };
}

/** Newest activity first; the higher number first on a tie. */
export function byActivity(a: Conversation, b: Conversation): number {
  return b.updatedAt - a.updatedAt || b.number - a.number;
}

export interface ListView {
  folder: FolderId;
  filters: ListFilters;
  viewer: InboxViewer;
}

/**
 * The list as shown: the listed ids' current copies that still belong in the folder or search (a colleague may have
 * taken one since), newest activity first.
 */
export function visibleList(map: ConversationMap, ids: ReadonlySet<string>, view: ListView): Conversation[] {
  const out: Conversation[] = [];
  for (const id of ids) {
    const c = map.get(id);
    if (c && inScope(c, view.folder, view.filters, view.viewer)) out.push(c);
  }
  return out.sort(byActivity);
}
