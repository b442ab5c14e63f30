// Who may see what. Every list, read, write and event fan-out asks here, so the rule lives in one place: `canSee`
// of @livechat/shared/inbox (the dashboard files live updates with the same rule; the store's SQL is
// property-tested against it).
import { canSee, isBotOnly, type InboxViewer } from '@livechat/shared/inbox';
import type { Agent, Conversation } from '@livechat/shared/model';
import type { Store, TeamStore, Viewer, Visitor } from './store.js';
import { notFound } from './errors.js';

/** What the rule needs to know of sites: whether a site shows agents its Bot folder. */
export interface SiteSettingsReader {
  botFolderForAgents(siteId: string): Promise<boolean>;
}

/** What the rule reads: the sites' Bot folder setting, and who is in a team (its queue's viewers). */
export interface AccessReader {
  sites: SiteSettingsReader;
  teams: Pick<TeamStore, 'isMember' | 'memberIds'>;
}

/** The teams of the viewer that matter for this conversation: its queue's team, when it waits in one. */
const waitsForTeam = (c: Conversation): string | null => (c.assigneeId === null ? c.teamId : null);

/**
 * Agents see a conversation once it reached the inbox (the playbook handed it over, or the visitor wrote after a
 * playbook without a Live Chat card) while it is unassigned or theirs; a colleague's chat is invisible to them.
 * While only the bot talks, admins see it (the Bot folder), and agents where the site allows. Admins see every one.
 */
export async function agentCanSee(
  agent: Agent,
  conversation: Conversation,
  read: AccessReader,
): Promise<boolean> {
  // Settings and memberships are read only when they matter: for an active agent who is no admin.
  if (!agent.active || agent.role === 'admin') return seenBy(agent, conversation, false, []);
  const siteShowsBotChats =
    isBotOnly(conversation) && (await read.sites.botFolderForAgents(conversation.siteId));
  const team = waitsForTeam(conversation);
  const teamIds = team !== null && (await read.teams.isMember(team, agent.id)) ? [team] : [];
  return seenBy(agent, conversation, siteShowsBotChats, teamIds);
}

/**
 * agentCanSee for one conversation and many agents (an event fanned out to every dashboard): the site's setting is
 * read once, and only for a bot-only conversation; the test per agent then reads nothing.
 */
export async function whoCanSee(
  conversation: Conversation,
  read: AccessReader,
): Promise<(agent: Agent) => boolean> {
  const siteShowsBotChats =
    isBotOnly(conversation) && (await read.sites.botFolderForAgents(conversation.siteId));
  const team = waitsForTeam(conversation);
  const members = new Set(team === null ? [] : await read.teams.memberIds(team));
  return (agent) => seenBy(agent, conversation, siteShowsBotChats, members.has(agent.id) ? [team!] : []);
}

/**
 * The rule, once the site's setting and the agent's membership of the conversation's queue are known
 * (`siteShowsBotChats` matters only for a bot-only conversation, `teamIds` only for one in a team's queue).
 */
function seenBy(
  agent: Agent,
  conversation: Conversation,
  siteShowsBotChats: boolean,
  teamIds: readonly string[],
): boolean {
  if (!agent.active) return false;
  const viewer: InboxViewer = {
    id: agent.id,
    role: agent.role,
    seesBotChats: agent.role === 'admin' || (isBotOnly(conversation) && siteShowsBotChats),
    teamIds,
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
  if (!conversation || !(await agentCanSee(agent, conversation, store))) throw notFound('Conversation');
  return conversation;
}
