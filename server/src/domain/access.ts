// Who may see what. Every list, read, write and event fan-out asks here, so the rule lives in one place: `canSee`
// of @livechat/shared/inbox (the dashboard files live updates with the same rule; the store's SQL is
// property-tested against it).
import { canSee, isBotOnly, type InboxViewer } from '@livechat/shared/inbox';
import type { Agent, Conversation } from '@livechat/shared/model';
import type { Store, Viewer, Visitor } from './store.js';
import { notFound } from './errors.js';

/** What the rule needs to know of sites: whether a site shows agents its Bot folder. */
export interface SiteSettingsReader {
  botFolderForAgents(siteId: string): Promise<boolean>;
}

/**
 * Agents see a conversation once it reached the inbox (the playbook handed it over, or the visitor wrote after a
 * playbook without a Live Chat card) while it is unassigned or theirs; a colleague's chat is invisible to them.
 * While only the bot talks, admins see it (the Bot folder), and agents where the site allows. Admins see every one.
 */
export async function agentCanSee(
  agent: Agent,
  conversation: Conversation,
  sites: SiteSettingsReader,
): Promise<boolean> {
  // The site's setting is read only when it matters: a bot-only conversation and an active agent who is no admin.
  const matters = agent.active && agent.role !== 'admin' && isBotOnly(conversation);
  return seenBy(agent, conversation, matters && (await sites.botFolderForAgents(conversation.siteId)));
}

/**
 * agentCanSee for one conversation and many agents (an event fanned out to every dashboard): the site's setting is
 * read once, and only for a bot-only conversation; the test per agent then reads nothing.
 */
export async function whoCanSee(
  conversation: Conversation,
  sites: SiteSettingsReader,
): Promise<(agent: Agent) => boolean> {
  const siteShowsBotChats = isBotOnly(conversation) && (await sites.botFolderForAgents(conversation.siteId));
  return (agent) => seenBy(agent, conversation, siteShowsBotChats);
}

/** The rule, once the site's setting is known (`siteShowsBotChats` matters only for a bot-only conversation). */
function seenBy(agent: Agent, conversation: Conversation, siteShowsBotChats: boolean): boolean {
  if (!agent.active) return false;
  const viewer: InboxViewer = {
    id: agent.id,
    role: agent.role,
    seesBotChats: agent.role === 'admin' || (isBotOnly(conversation) && siteShowsBotChats),
  };
  return canSee(viewer, conversation);
}

/** The same rule for the store's queries (lists, counts, records). */
export const viewerOf = (agent: Agent): Viewer => ({ agentId: agent.id, admin: agent.role === 'admin' });

export function visitorCanSee(visitor: Visitor, conversation: Conversation): boolean {
  return conversation.visitorId === visitor.id;
}

/** The conversation if the agent may see it; unknown and not-yours are the same not-found (ids cannot be probed). */
export async function visibleConversation(
  store: Store,
  agent: Agent,
  conversationId: string,
): Promise<Conversation> {
  const conversation = await store.conversations.byId(conversationId);
  if (!conversation || !(await agentCanSee(agent, conversation, store.sites))) throw notFound('Conversation');
  return conversation;
}
