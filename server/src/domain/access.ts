// Who may see what. Every list, read, write and event fan-out asks here, so the rule lives in one place.
import type { Agent, Conversation } from '@livechat/shared/model';
import type { Store, Viewer, Visitor } from '../store/index.js';
import { notFound } from './errors.js';

/**
 * Agents see a conversation once it reached the inbox (the playbook handed it over, or the visitor wrote after a
 * playbook without a Live Chat card); while only the bot talks, it is the visitor's alone. Then an agent sees it
 * while it is unassigned or assigned to them; a colleague's chat is invisible to them. Admins see every one.
 */
export function agentCanSee(agent: Agent, conversation: Conversation): boolean {
  if (!agent.active || conversation.queuedAt === null) return false;
  return agent.role === 'admin' || conversation.assigneeId === null || conversation.assigneeId === agent.id;
}

/** The same rule for the store's queries (lists, counts, records). */
export const viewerOf = (agent: Agent): Viewer => ({ agentId: agent.id, admin: agent.role === 'admin' });

export function visitorCanSee(visitor: Visitor, conversation: Conversation): boolean {
  return conversation.visitorId === visitor.id;
}

/** The conversation if the agent may see it; unknown and not-yours are the same not-found (ids cannot be probed). */
export function visibleConversation(store: Store, agent: Agent, conversationId: string): Conversation {
  const conversation = store.conversations.byId(conversationId);
  if (!conversation || !agentCanSee(agent, conversation)) throw notFound('Conversation');
  return conversation;
}
