// The search and filters above the conversation list: what the server is asked, and the same rules applied here to
// conversations that change live, so a list stays right between requests.
import type { ConversationSearchQuery } from '@livechat/shared/api';
import type { Conversation, ConversationStatus } from '@livechat/shared/model';
import { folderById, type FolderId } from './folders.js';

export interface ListFilters {
  /** A conversation number ("12", "#12") or part of the contact's name or email. */
  q: string;
  status: ConversationStatus | '';
  /** An agent's id, "none" for unassigned, "" for anyone. */
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

/** The list request for a folder and filters. */
export function listQuery(folder: FolderId, filters: ListFilters): Partial<ConversationSearchQuery> {
  return {
    folder,
    q: filters.q.trim() || undefined,
    status: filters.status || undefined,
    assigneeId: filters.assigneeId || undefined,
    from: dayStart(filters.from),
    to: dayEnd(filters.to),
  };
}

/**
 * Whether the server would list `c` in the folder, judged on what a conversation carries: the folder's status (every
 * folder has one) and assignee win over the filters, as on the server; the text query is not judged here (see `matchesText`).
 */
export function inScope(c: Conversation, folder: FolderId, filters: ListFilters, agentId: string): boolean {
  const { scope } = folderById(folder);
  if (c.status !== scope.status) return false;
  const assignee =
    scope.assignee === 'me'
      ? agentId
      : scope.assignee === null
        ? null
        : filters.assigneeId === 'none'
          ? null
          : filters.assigneeId || undefined;
  if (assignee !== undefined && c.assigneeId !== assignee) return false;
  const from = dayStart(filters.from);
  const to = dayEnd(filters.to);
  return (from === undefined || c.updatedAt >= from) && (to === undefined || c.updatedAt <= to);
}

/**
 * A best guess at the server's text match for a conversation that appeared live: its number, or the visitor's
 * name (the contact's email is not known here). Every conversation matches an empty query.
 */
export function matchesText(c: Conversation, q: string): boolean {
  const query = q.trim().toLowerCase();
  if (!query) return true;
  const number = /^#?(\d+)$/.exec(query);
  if (number) return c.number === Number(number[1]);
  return c.visitorName.toLowerCase().includes(query);
}
