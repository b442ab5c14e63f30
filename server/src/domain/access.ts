// Who may see what. Every list, read, write and event fan-out asks here, so the rule lives in one place: `canSee`
// of @livechat/shared/inbox (the dashboard files live updates with the same rule; the store's SQL is
// property-tested against it).
import { canSee, isBotOnly, type InboxViewer } from '@livechat/shared/inbox';
import type { Agent, Conversation } from '@livechat/shared/model';
import type { Store, Viewer, Visitor } from '../store/index.js';
import { notFound } from './errors.js';

/** What the rule needs to know of sites: whether a site shows agents its Bot folder. */
export interface SiteSettingsReader {
  botFolderForAgents(siteId: string): boolean;
}

/**
 * Agents see a conversation once it reached the inbox (the playbook handed it over, or the visitor wrote after a
 * playbook without a Live Chat card) while it is unassigned or theirs; a colleague's chat is invisible to them.
 * While only the bot talks, admins see it (the Bot folder), and agents where the site allows. Admins see every one.
 */
export function agentCanSee(agent: Agent, conversation: Conversation, sites: SiteSettingsReader): boolean {
  return whoCanSee(conversation, sites)(agent);
}

/**
 * agentCanSee for one conversation and many agents (an event fanned out to every dashboard): the site's setting is
 * read at most once, and only when it matters (a bot-only conversation seen by an agent who is not an admin).
 */
export function whoCanSee(conversation: Conversation, sites: SiteSettingsReader): (agent: Agent) => boolean {
  let agentsSeeBotChats: boolean | undefined;
  const siteShowsBotChats = () => (agentsSeeBotChats ??= sites.botFolderForAgents(conversation.siteId));
  return (agent) => {
    if (!agent.active) return false;
    const viewer: InboxViewer = {
      id: agent.id,
      role: agent.role,
      seesBotChats: agent.role === 'admin' || (isBotOnly(conversation) && siteShowsBotChats()),
    };
    return canSee(viewer, conversation);
  };
}

/** The same rule for the store's queries (lists, counts, records). */
export const viewerOf = (agent: Agent): Viewer => ({ agentId: agent.id, admin: agent.role === 'admin' });

export function visitorCanSee(visitor: Visitor, conversation: Conversation): boolean {
  return conversation.visitorId === visitor.id;
}

/** The conversation if the agent may see it; unknown and not-yours are the same not-found (ids cannot be probed). */
export function visibleConversation(store: Store, agent: Agent, conversationId: string): Conversation {
  const conversation = store.conversations.byId(conversationId);
  if (!conversation || !agentCanSee(agent, conversation, store.sites)) throw notFound('Conversation');
  return conversation;
}
