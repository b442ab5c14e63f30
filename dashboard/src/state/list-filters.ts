// The search and filters above the conversation list: what the server is asked, and the same shared rules applied
// here to conversations that change live, so a list stays right between requests.
import type { ConversationSearchQuery } from '@livechat/shared/api';
import { matchesQuery, matchesText, type InboxViewer } from '@livechat/shared/inbox';
import type { Conversation, ConversationStatus } from '@livechat/shared/model';
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
}

export const NO_FILTERS: ListFilters = { q: '', status: '', assigneeId: '', from: '', to: '' };

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
