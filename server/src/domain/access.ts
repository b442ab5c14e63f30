// Who may see what. Every list, read, write and event fan-out asks here, so the rule lives in one place.
import type { Agent, Conversation } from '@livechat/shared/model';
import type { Visitor } from '../store/index.js';

/**
 * Agents see a conversation once it reached the inbox (the playbook handed it over, or the visitor wrote after a
 * playbook without a Live Chat card); while only the bot talks, it is the visitor's alone. Privacy between agents
 * (colleagues' assigned chats) comes with the inbox issue.
 */
export function agentCanSee(agent: Agent, conversation: Conversation): boolean {
  return agent.active && conversation.queuedAt !== null;
}

export function visitorCanSee(visitor: Visitor, conversation: Conversation): boolean {
  return conversation.visitorId === visitor.id;
}
