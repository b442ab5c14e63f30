// The inbox's lists and counts, as the agent may see them (see access.ts).
import type { ConversationSearchQuery, FolderCounts } from '@livechat/shared/api';
import type { Agent, Conversation } from '@livechat/shared/model';
import type { ConversationFilter, Store } from '../store/index.js';
import { viewerOf } from './access.js';
import { DomainError } from './errors.js';
import { ErrorCode } from '@livechat/shared/protocol/constants';

/** "12" or "#12" is a conversation number; anything else is looked for in the contact's name and email. */
function textOrNumber(q: string | undefined): Pick<ConversationFilter, 'number' | 'text'> {
  if (!q) return {};
  const number = /^#?(\d{1,9})$/.exec(q);
  return number ? { number: Number(number[1]) } : { text: q };
}

export function createInboxService(store: Store) {
  return {
    search(agent: Agent, query: ConversationSearchQuery): Conversation[] {
      const filter: ConversationFilter = {
        limit: query.limit,
        ...textOrNumber(query.q),
        ...(query.status && { status: query.status }),
        ...(query.assigneeId && { assigneeId: query.assigneeId === 'none' ? null : query.assigneeId }),
        ...(query.from !== undefined && { from: query.from }),
        ...(query.to !== undefined && { to: query.to }),
        ...(query.visitorId && { visitorId: query.visitorId }),
      };
      switch (query.folder) {
        case 'unassigned':
          Object.assign(filter, { status: 'open', assigneeId: null });
          break;
        case 'mine':
          Object.assign(filter, { status: 'open', assigneeId: agent.id });
          break;
        case 'all':
          if (agent.role !== 'admin')
            throw new DomainError(ErrorCode.Forbidden, 'Only admins see all chats.');
          Object.assign(filter, { status: 'open' });
          break;
        case 'closed':
          Object.assign(filter, { status: 'closed' });
          break;
        case undefined:
          break;
      }
      return store.conversations.search(filter, viewerOf(agent));
    },

    counts(agent: Agent): FolderCounts {
      const c = store.conversations.counts(viewerOf(agent));
      return {
        unassigned: c.unassigned,
        mine: c.mine,
        all: agent.role === 'admin' ? c.open : null,
        closed: c.closed,
      };
    },
  };
}
export type InboxService = ReturnType<typeof createInboxService>;
