// Who may see what. Every list, read, write and event fan-out asks here, so the rule lives in one place.
import type { Agent, Conversation } from '@livechat/shared/model';
import type { Visitor } from '../store/index.js';

export function agentCanSee(agent: Agent, _conversation: Conversation): boolean {
  // Until assignment lands every active agent works the shared inbox; privacy between agents comes with it.
  return agent.active;
}

export function visitorCanSee(visitor: Visitor, conversation: Conversation): boolean {
  return conversation.visitorId === visitor.id;
}
