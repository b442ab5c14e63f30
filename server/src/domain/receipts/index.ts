// Typing indicators, seen receipts and agents' unread counts. Typing is only published (the hub relays it to the
// other side, the cluster relay to other nodes) and never stored; read positions are stored, one per reader, and
// move forward only, except an agent's own "Mark as unread".
import { hasFolder, inFolder, type Folder, type InboxViewer } from '@livechat/shared/inbox';
import type { ConversationReads, ReadMark, Unread } from '@livechat/shared/api';
import { TYPING_PREVIEW_MAX } from '@livechat/shared/protocol';
import type { Agent, Conversation } from '@livechat/shared/model';
import type { EventBus } from '../events.js';
import type { Store, Visitor } from '../store.js';
import { viewerOf, visibleConversation, visitorCanSee } from '../access.js';
import { notFound } from '../errors.js';
import type { ReadPosition, Reader } from './read-position-store.js';

export type { ReadPosition, Reader, ReadPositionStore } from './read-position-store.js';

const agentReader = (agent: Pick<Agent, 'id'>): Reader => `agent:${agent.id}`;
const UNREAD_FOLDERS = ['unassigned', 'mine', 'teams', 'all', 'bot'] as const satisfies readonly Folder[];

export function createReceipts(store: Store, events: EventBus, now: () => number) {
  /** Moves `reader` forward to `seq` (never past the last message) and tells who may see it; false if not further. */
  const advance = async (conversation: Conversation, reader: Reader, seq: number): Promise<boolean> => {
    const position = {
      conversationId: conversation.id,
      reader,
      seq: Math.min(seq, conversation.lastSeq),
      readAt: now(),
    };
    if (position.seq <= 0 || !(await store.readPositions.advance(position))) return false;
    events.publish({ type: 'read.moved', conversation, position });
    return true;
  };

  const visitorsConversation = async (visitor: Visitor, conversationId: string) => {
    const conversation = await store.conversations.byId(conversationId);
    if (!conversation || !visitorCanSee(visitor, conversation)) throw notFound('Conversation');
    return conversation;
  };

  /** The positions an agent sees: the visitor's, the team's and their own (colleagues' stay theirs). */
  const readsFor = async (agent: Agent, conversationId: string): Promise<ConversationReads> => {
    const mark = (reader: Reader, all: ReadPosition[]): ReadMark | null => {
      const p = all.find((r) => r.reader === reader);
      return p ? { seq: p.seq, readAt: p.readAt } : null;
    };
    const all = await store.readPositions.of(conversationId);
    return { visitor: mark('visitor', all), team: mark('team', all), mine: mark(agentReader(agent), all) };
  };

  return {
    /** The visitor typed in their open conversation (none: nothing to tell). The draft goes only where shared. */
    async visitorTyping(visitor: Visitor, typing: boolean, text: string | undefined): Promise<void> {
      const conversation = await store.conversations.openForVisitor(visitor.id);
      if (!conversation) return;
      const shared = typing && text ? (await store.sites.byId(conversation.siteId))?.typingPreview : false;
      events.publish({
        type: 'typing',
        conversation,
        from: { kind: 'visitor', id: visitor.id, name: conversation.visitorName },
        typing,
        ...(shared && text && { text: text.slice(0, TYPING_PREVIEW_MAX) }),
      });
    },

    async agentTyping(agent: Agent, conversationId: string, typing: boolean): Promise<void> {
      const conversation = await visibleConversation(store, agent, conversationId);
      events.publish({
        type: 'typing',
        conversation,
        from: { kind: 'agent', id: agent.id, name: agent.name },
        typing,
      });
    },

    /** The visitor has seen their conversation up to `seq`. */
    async visitorRead(visitor: Visitor, conversationId: string, seq: number): Promise<void> {
      await advance(await visitorsConversation(visitor, conversationId), 'visitor', seq);
    },

    /** The agent has read up to `seq`: their own position, and the team's (the visitor's "Seen") with it. */
    async agentRead(agent: Agent, conversationId: string, seq: number): Promise<ConversationReads> {
      const conversation = await visibleConversation(store, agent, conversationId);
      await advance(conversation, agentReader(agent), seq);
      await advance(conversation, 'team', seq);
      return readsFor(agent, conversation.id);
    },

    /**
     * "Mark as unread": the agent's position goes back to just before the contact's last message, so it counts as
     * unread again. The team's position (the visitor's "Seen") stays: what was seen was seen.
     */
    async markUnread(agent: Agent, conversationId: string): Promise<ConversationReads> {
      const conversation = await visibleConversation(store, agent, conversationId);
      const last = await store.readPositions.lastContactSeq(conversation.id);
      const position = {
        conversationId: conversation.id,
        reader: agentReader(agent),
        seq: Math.max(0, last - 1),
        readAt: now(),
      };
      await store.readPositions.set(position);
      events.publish({ type: 'read.moved', conversation, position });
      return readsFor(agent, conversation.id);
    },

    async reads(agent: Agent, conversationId: string): Promise<ConversationReads> {
      await visibleConversation(store, agent, conversationId);
      return readsFor(agent, conversationId);
    },

    /** The team's positions in the visitor's conversations, for their widget after its replay. */
    teamPositions: (conversationIds: readonly string[]) => store.readPositions.teamOf(conversationIds),

    /** What is unread for the agent, by the inbox's privacy rules: per conversation, and per folder they have. */
    async unread(agent: Agent): Promise<Unread> {
      const [rows, anyBotFolder, teamIds] = await Promise.all([
        store.readPositions.unread(viewerOf(agent), agentReader(agent)),
        agent.role === 'admin' ? Promise.resolve(true) : store.sites.anyBotFolderForAgents(),
        store.teams.teamIdsOf(agent.id),
      ]);
      const viewer: InboxViewer = { id: agent.id, role: agent.role, seesBotChats: anyBotFolder, teamIds };
      const count = (folder: Folder) => rows.filter((c) => inFolder(folder, c, viewer)).length;
      const [unassigned, mine, teams, all, bot] = UNREAD_FOLDERS.map((f) =>
        hasFolder(viewer, f) ? count(f) : null,
      );
      return {
        conversations: Object.fromEntries(rows.map((c) => [c.id, c.unread])),
        folders: {
          unassigned: unassigned ?? 0,
          mine: mine ?? 0,
          teams: teams ?? 0,
          all: all ?? null,
          bot: bot ?? null,
        },
      };
    },
  };
}
export type Receipts = ReturnType<typeof createReceipts>;
