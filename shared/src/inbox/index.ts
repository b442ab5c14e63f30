// The inbox's rules, one source for the server (its SQL is property-tested against these) and the dashboard (which
// files conversations that change live without asking the server). Zod-free and pure.
import type { ConversationType } from '../api/conversation-filters.js';
import type { ConversationSearchQuery, Folder } from '../api/schemas.js';
import type { Conversation, Role } from '../model/index.js';

export type { Folder };

/**
 * Who looks: `seesBotChats` is true for admins, and for agents where the site shows them the Bot folder; `teamIds`
 * are the teams the viewer is a member of (they see those teams' queues).
 */
export interface InboxViewer {
  id: string;
  role: Role;
  seesBotChats: boolean;
  teamIds: readonly string[];
}

/** What the rules read of a conversation. */
export type InboxConversation = Pick<
  Conversation,
  'status' | 'assigneeId' | 'queuedAt' | 'visitorWroteAt' | 'teamId'
>;

/** "12", "#12" or " #12 " is conversation number 12; anything else (including "0") is not a number. */
export function parseConversationNumber(q: string): number | null {
  const m = /^#?(\d{1,9})$/.exec(q.trim());
  const n = m ? Number(m[1]) : 0;
  return n > 0 ? n : null;
}

/** Only the bot has handled it: never handed to the team (the Live Chat card) and nobody took it. */
export const isBotOnly = (c: InboxConversation): boolean => c.queuedAt === null && c.assigneeId === null;

/** Waiting in a team's queue that the viewer is a member of. */
const inMyTeamsQueue = (viewer: InboxViewer, c: InboxConversation): boolean =>
  c.assigneeId === null && c.teamId !== null && viewer.teamIds.includes(c.teamId);

/**
 * Whether the viewer may see the conversation at all (lists, reads, writes, live events). Admins see every one.
 * Agents see their own, those waiting in everyone's queue and in their teams' queues; never a colleague's, nor
 * another team's queue; a bot-only conversation only where the site shows them the Bot folder.
 */
export function canSee(viewer: InboxViewer, c: InboxConversation): boolean {
  if (viewer.role === 'admin') return true;
  if (isBotOnly(c)) return viewer.seesBotChats;
  if (c.assigneeId !== null) return c.assigneeId === viewer.id;
  return c.teamId === null || viewer.teamIds.includes(c.teamId);
}

/** Whether the viewer has the folder (All chats is for admins). */
export function hasFolder(viewer: InboxViewer, folder: Folder): boolean {
  if (folder === 'all') return viewer.role === 'admin';
  if (folder === 'bot') return viewer.role === 'admin' || viewer.seesBotChats;
  return true;
}

/**
 * Folder membership, as the viewer sees it:
 * - unassigned: open, handed to the team, nobody has it;
 * - mine: open, assigned to the viewer;
 * - teams: open and waiting in the queue of a team the viewer is a member of (these are in Unassigned too);
 * - all (admins): every open conversation that reached the inbox (queued or assigned);
 * - bot: open, only the bot has handled it (never queued, nobody took it), and the visitor wrote at least once (a
 *   visitor who only opened the chat, greeted by the bot, is in no folder);
 * - closed: every closed conversation the viewer may see.
 */
export function inFolder(folder: Folder, c: InboxConversation, viewer: InboxViewer): boolean {
  if (!hasFolder(viewer, folder) || !canSee(viewer, c)) return false;
  const open = c.status === 'open';
  switch (folder) {
    case 'unassigned':
      return open && c.queuedAt !== null && c.assigneeId === null;
    case 'mine':
      return open && c.assigneeId === viewer.id;
    case 'teams':
      return open && c.queuedAt !== null && inMyTeamsQueue(viewer, c);
    case 'all':
      return open && !isBotOnly(c);
    case 'bot':
      return open && isBotOnly(c) && c.visitorWroteAt !== null;
    case 'closed':
      return !open;
  }
}

/**
 * The folder a conversation is filed in for the viewer (where the dashboard opens it): the most specific one, or
 * null when the viewer may not see it or it is in no folder (bot-only, the visitor never wrote). An admin sees a colleague's open chat in All chats.
 */
export function folderOf(c: InboxConversation, viewer: InboxViewer): Folder | null {
  const order: Folder[] = ['closed', 'bot', 'mine', 'teams', 'unassigned', 'all'];
  return order.find((f) => inFolder(f, c, viewer)) ?? null;
}

/** The filters of the list request that the rules judge (the text match needs the contact's email: the server's). */
export type InboxQuery = Pick<
  ConversationSearchQuery,
  | 'folder'
  | 'status'
  | 'assigneeId'
  | 'from'
  | 'to'
  | 'q'
  | 'channel'
  | 'teamId'
  | 'type'
  | 'tag'
  | 'attribute'
  | 'attributeValue'
  | 'createdFrom'
  | 'createdTo'
>;

/** What the list's filters read of a conversation. */
export type FilteredConversation = InboxConversation &
  Pick<Conversation, 'number' | 'updatedAt' | 'createdAt' | 'channel' | 'startedByAgent' | 'tags'>;

/** The contact's CRM data the tag and attribute filters read (not carried by a conversation). */
export interface InboxContact {
  tags: readonly string[];
  attributes: readonly { key: string; value: string }[];
}

/** How attribute names compare ("Plan" is "plan"): `attributeKeyNorm` of the contact API, zod-free here. */
const keyNorm = (key: string) => key.normalize('NFC').toLowerCase();

/** The conversation's kind (the `type` filter; see ConversationTypeSchema). */
export function isOfType(c: FilteredConversation, type: ConversationType): boolean {
  switch (type) {
    case 'bot':
      return isBotOnly(c);
    case 'live':
      return c.channel === 'web' && !c.startedByAgent && !isBotOnly(c);
    case 'sms':
      return c.channel === 'sms' && !c.startedByAgent;
    case 'agent_started':
      return c.startedByAgent;
  }
}

/**
 * The filters that need the contact's CRM data: `tag` (the conversation's tags or the contact's) and `attribute`
 * (its name ignoring case; with `attributeValue`, that exact value).
 */
export function matchesContact(
  c: Pick<Conversation, 'tags'>,
  contact: InboxContact,
  query: Pick<InboxQuery, 'tag' | 'attribute' | 'attributeValue'>,
): boolean {
  if (query.tag && !c.tags.includes(query.tag) && !contact.tags.includes(query.tag)) return false;
  if (!query.attribute) return true;
  const name = keyNorm(query.attribute);
  return contact.attributes.some(
    (a) => keyNorm(a.key) === name && (!query.attributeValue || a.value === query.attributeValue),
  );
}

const within = (t: number, from: number | undefined, to: number | undefined) =>
  (from === undefined || t >= from) && (to === undefined || t <= to);

/**
 * Whether the server lists the conversation for the query, text aside (a `q` that is not a number matches the
 * contact's name or email, which the caller checks). Every filter narrows the result (they apply together):
 * - with `q`, the folder is ignored: the search covers every conversation the viewer may see, in any folder;
 * - without `q`, the folder applies (none: every conversation the viewer may see);
 * - `status` narrows further: a status the folder excludes (Closed inside Unassigned) lists nothing;
 * - `assigneeId` (an id or "none") narrows too: a colleague's id lists nothing for an agent (they cannot see those);
 * - `teamId` (an id or "none"), `channel` and `type` (`isOfType`) narrow by what the conversation carries;
 * - `from`/`to` bound the last activity, `createdFrom`/`createdTo` the creation, both ends included;
 * - `tag` and `attribute` need the contact (`matchesContact`): without `contact` (a conversation that changed live,
 *   in the dashboard) they are the caller's to judge, like the text of `q`.
 */
export function matchesQuery(
  c: FilteredConversation,
  viewer: InboxViewer,
  query: InboxQuery,
  contact?: InboxContact,
): boolean {
  if (!canSee(viewer, c)) return false;
  const q = query.q?.trim();
  if (!q && query.folder && !inFolder(query.folder, c, viewer)) return false;
  if (query.status && c.status !== query.status) return false;
  if (query.assigneeId && c.assigneeId !== (query.assigneeId === 'none' ? null : query.assigneeId))
    return false;
  if (query.teamId && c.teamId !== (query.teamId === 'none' ? null : query.teamId)) return false;
  if (query.channel && c.channel !== query.channel) return false;
  if (query.type && !isOfType(c, query.type)) return false;
  if (!within(c.updatedAt, query.from, query.to)) return false;
  if (!within(c.createdAt, query.createdFrom, query.createdTo)) return false;
  if (contact && !matchesContact(c, contact, query)) return false;
  const number = q ? parseConversationNumber(q) : null;
  return number === null || c.number === number;
}

/**
 * The text half of `q` (when it is not a conversation number): a case-insensitive part of any of the contact's
 * fields (the server matches the contact's name and email). An empty query matches everything.
 */
export function matchesText(q: string, fields: readonly (string | null | undefined)[]): boolean {
  const query = q.trim().toLowerCase();
  if (!query || parseConversationNumber(query) !== null) return true;
  return fields.some((f) => !!f && f.toLowerCase().includes(query));
}
