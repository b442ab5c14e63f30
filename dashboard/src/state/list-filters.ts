// The search and filters above the conversation list: what the server is asked, and the same shared rules applied
// here to conversations that change live, so a list stays right between requests.
import type { ConversationSearchQuery, ConversationType } from '@livechat/shared/api';
import { matchesQuery, matchesText, type InboxViewer } from '@livechat/shared/inbox';
import type { Channel, Conversation, ConversationStatus } from '@livechat/shared/model';
import type { FolderId } from './folders.js';

export interface ListFilters {
  /** A conversation number ("12", "#12") or part of the contact's name or email: searches every folder. */
  q: string;
  /** Only while searching: every folder fixes its status. */
  status: ConversationStatus | '';
  /** An agent's id, "none" for unassigned, "" for anyone; only where the folder does not fix the assignee. */
  assigneeId: string;
  /** Calendar days (YYYY-MM-DD) bounding the last activity, both included; "" leaves that end open. */
  from: string;
  to: string;
  channel: Channel | '';
  /** A team's id, "none" for chats in no team's queue, "" for any. */
  teamId: string;
  type: ConversationType | '';
  /** A tag of the conversation or of its contact (lowercase). */
  tag: string;
  /** A contact attribute's name (ignoring case), and the exact value it has ("" for any). */
  attribute: string;
  attributeValue: string;
  /** Calendar days bounding when the conversation was created, like `from`/`to`. */
  createdFrom: string;
  createdTo: string;
}

export const NO_FILTERS: ListFilters = {
  q: '',
  status: '',
  assigneeId: '',
  from: '',
  to: '',
  channel: '',
  teamId: '',
  type: '',
  tag: '',
  attribute: '',
  attributeValue: '',
  createdFrom: '',
  createdTo: '',
};

/** Whether any filter besides the search text is set (what "Clear filters" clears). */
export const hasFilters = (filters: ListFilters): boolean =>
  (Object.keys(NO_FILTERS) as (keyof ListFilters)[]).some((k) => k !== 'q' && filters[k] !== '');

/** The filters cleared, the search kept. */
export const clearedFilters = (filters: ListFilters): ListFilters => ({ ...NO_FILTERS, q: filters.q });

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Local midnight at the start of `day` (offset 0) or of the day after it (offset 1); undefined for "". */
function localMidnight(day: string, offset: 0 | 1): number | undefined {
  const m = DAY.exec(day);
  if (!m) return undefined;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + offset).getTime();
}

export const dayStart = (day: string) => localMidnight(day, 0);
export function dayEnd(day: string): number | undefined {
  const next = localMidnight(day, 1);
  return next === undefined ? undefined : next - 1;
}

/** A search looks in every folder the agent may see; the folder tabs then only say where to go back to. */
export const isSearching = (filters: ListFilters) => filters.q.trim() !== '';

/** Folders that fix the assignee (nobody, or the agent) offer no "Assigned to" choice. */
const FIXED_ASSIGNEE: ReadonlySet<FolderId> = new Set(['unassigned', 'mine', 'bot']);

/**
 * The filters that can change the list here; the others are hidden and ignored, so no offered combination
 * contradicts the folder: every folder fixes the status (Status only while searching), and some fix the assignee.
 */
export function usableFilters(
  folder: FolderId,
  filters: ListFilters,
): { status: boolean; assignee: boolean } {
  const searching = isSearching(filters);
  return { status: searching, assignee: searching || !FIXED_ASSIGNEE.has(folder) };
}

/** The list request for a folder and filters: a search spans the folders, so it names none. */
export function listQuery(folder: FolderId, filters: ListFilters): Partial<ConversationSearchQuery> {
  const usable = usableFilters(folder, filters);
  const q = filters.q.trim();
  return {
    folder: q ? undefined : folder,
    q: q || undefined,
    status: (usable.status && filters.status) || undefined,
    assigneeId: (usable.assignee && filters.assigneeId) || undefined,
    from: dayStart(filters.from),
    to: dayEnd(filters.to),
    channel: filters.channel || undefined,
    teamId: filters.teamId || undefined,
    type: filters.type || undefined,
    tag: filters.tag.trim().toLowerCase() || undefined,
    attribute: filters.attribute.trim() || undefined,
    // A value means nothing without the attribute it belongs to.
    attributeValue: (filters.attribute.trim() && filters.attributeValue.trim()) || undefined,
    createdFrom: dayStart(filters.createdFrom),
    createdTo: dayEnd(filters.createdTo),
  };
}

/**
 * Whether the server would list `c` for the folder and filters, judged on what a conversation carries (the shared
 * rules). A text query that is not a number is the server's to match (it knows the contact's email): see `matchesName`.
 */
export function inScope(
  c: Conversation,
  folder: FolderId,
  filters: ListFilters,
  viewer: InboxViewer,
): boolean {
  return matchesQuery(c, viewer, listQuery(folder, filters));
}

/** A best guess at the server's text match for a conversation that appeared live: the visitor's name. */
export const matchesName = (c: Conversation, q: string): boolean => matchesText(q, [c.visitorName]);

/**
 * Whether a conversation that appeared live (not in the server's answer) joins the list: best guesses at what only
 * the server can judge. The text by the visitor's name; a tag by the conversation's own tags (its contact's are not
 * here); an attribute not at all (the next list answer brings those). `inScope` keeps listed ones, which the server
 * judged with the contact's data.
 */
export function joinsLive(c: Conversation, filters: ListFilters): boolean {
  const { tag, attribute } = listQuery('all', filters);
  return matchesName(c, filters.q) && (!tag || c.tags.includes(tag)) && !attribute;
}
