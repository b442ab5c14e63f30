// The inbox's lists and counts, as the agent may see them (see access.ts). The rules are those of
// @livechat/shared/inbox (`matchesQuery`); the store's SQL implements them and is property-tested against them.
import { attributeKeyNorm, type ConversationSearchQuery, type FolderCounts } from '@livechat/shared/api';
import { hasFolder, parseConversationNumber, type Folder, type InboxViewer } from '@livechat/shared/inbox';
import type { Agent, Conversation, ConversationStatus } from '@livechat/shared/model';
import { ErrorCode } from '@livechat/shared/protocol/constants';
import type { ConversationFilter, Store } from './store.js';
import { viewerOf } from './access.js';
import { DomainError } from './errors.js';

/** The status every conversation of a folder has. */
const FOLDER_STATUS: Record<Folder, ConversationStatus> = {
  unassigned: 'open',
  mine: 'open',
  teams: 'open',
  all: 'open',
  bot: 'open',
  closed: 'closed',
};

/** "12" or "#12" is a conversation number; anything else is looked for in the contact's name and email. */
function textOrNumber(q: string | undefined): Pick<ConversationFilter, 'number' | 'text'> {
  if (!q) return {};
  const number = parseConversationNumber(q);
  return number === null ? { text: q } : { number };
}

/** The filters of conversation-filters.ts, as the store takes them. */
function filtersOf(query: ConversationSearchQuery): Partial<ConversationFilter> {
  return {
    ...(query.channel && { channel: query.channel }),
    ...(query.teamId && { teamId: query.teamId === 'none' ? null : query.teamId }),
    ...(query.type && { type: query.type }),
    ...(query.tag && { tag: query.tag }),
    ...(query.attribute && {
      attribute: {
        keyNorm: attributeKeyNorm(query.attribute),
        ...(query.attributeValue && { value: query.attributeValue }),
      },
    }),
    ...(query.createdFrom !== undefined && { createdFrom: query.createdFrom }),
    ...(query.createdTo !== undefined && { createdTo: query.createdTo }),
  };
}

export function createInboxService(store: Store) {
  /** The agent's folders: the Bot folder where any site shows it to agents (admins always have it). */
  const folderViewer = async (agent: Agent): Promise<InboxViewer> => ({
    id: agent.id,
    role: agent.role,
    seesBotChats: agent.role === 'admin' || (await store.sites.anyBotFolderForAgents()),
    teamIds: await store.teams.teamIdsOf(agent.id),
  });

  return {
    async search(agent: Agent, query: ConversationSearchQuery): Promise<Conversation[]> {
      if (query.folder && !hasFolder(await folderViewer(agent), query.folder))
        throw new DomainError(
          ErrorCode.Forbidden,
          query.folder === 'all'
            ? 'Only admins see all chats.'
            : 'This site does not show agents the Bot folder.',
        );
      const q = query.q?.trim() || undefined;
      // A search covers every folder the agent may see; without one, the folder applies.
      const folder = q ? undefined : query.folder;
      const folderStatus = folder && FOLDER_STATUS[folder];
      // A status the folder excludes lists nothing (Closed inside Unassigned).
      if (folderStatus && query.status && query.status !== folderStatus) return [];
      const status = query.status ?? folderStatus;
      const filter: ConversationFilter = {
        limit: query.limit,
        ...textOrNumber(q),
        ...(folder && { folder }),
        ...(status && { status }),
        ...(query.assigneeId && { assigneeId: query.assigneeId === 'none' ? null : query.assigneeId }),
        ...(query.from !== undefined && { from: query.from }),
        ...(query.to !== undefined && { to: query.to }),
        ...(query.visitorId && { visitorId: query.visitorId }),
        ...filtersOf(query),
      };
      return store.conversations.search(filter, viewerOf(agent));
    },

    async counts(agent: Agent): Promise<FolderCounts> {
      const [c, viewer] = await Promise.all([
        store.conversations.counts(viewerOf(agent)),
        folderViewer(agent),
      ]);
      return {
        unassigned: c.unassigned,
        mine: c.mine,
        teams: c.teams,
        all: hasFolder(viewer, 'all') ? c.open : null,
        bot: hasFolder(viewer, 'bot') ? c.bot : null,
        closed: c.closed,
        teamIds: [...viewer.teamIds],
      };
    },
  };
}
export type InboxService = ReturnType<typeof createInboxService>;
