// Conversations and messages: storing a message (idempotent by client id, gap-free seq), replay, and reads.
import { ErrorCode, LIMITS } from '@livechat/shared/protocol/constants';
import type { Agent, Conversation, ConversationStatus, Message } from '@livechat/shared/model';
import type { Store, Visitor } from '../store/index.js';
import { agentCanSee, visitorCanSee } from './access.js';
import { DomainError, notFound } from './errors.js';
import type { EventBus } from './events.js';
import { newId } from './tokens.js';

const PREVIEW_LENGTH = 140;

interface Author {
  kind: 'visitor' | 'agent';
  id: string;
  name: string;
}

export interface SendResult {
  message: Message;
  /** False when the client id was seen before: the stored message is returned and nothing is published. */
  created: boolean;
}

export function createChatService(store: Store, events: EventBus, now: () => number) {
  /** Stores one message in one transaction; the caller acks only after this returns. */
  function append(author: Author, clientId: string, body: string, conversationFor: () => Conversation): SendResult {
    const result = store.transaction(() => {
      const existing = store.messages.byClientId(author.kind, author.id, clientId);
      if (existing) return { message: existing, created: false };
      const conversation = conversationFor();
      const createdAt = now();
      const seq = store.conversations.nextSeq(conversation.id, createdAt, body.slice(0, PREVIEW_LENGTH));
      const message: Message = {
        id: newId(),
        conversationId: conversation.id,
        seq,
        clientId,
        author: { kind: author.kind, id: author.id, name: author.name },
        body,
        createdAt,
      };
      store.messages.insert(message);
      return { message, created: true };
    });
    if (result.created) {
      const conversation = store.conversations.byId(result.message.conversationId)!;
      events.publish({ type: 'conversation.updated', conversation });
      events.publish({ type: 'message.created', message: result.message, conversation });
    }
    return result;
  }

  function visibleToAgent(agent: Agent, conversationId: string): Conversation {
    const conversation = store.conversations.byId(conversationId);
    if (!conversation || !agentCanSee(agent, conversation)) throw notFound('Conversation');
    return conversation;
  }

  return {
    /** A visitor's message goes to their open conversation, which is created on their first message. */
    sendVisitorMessage(visitor: Visitor, clientId: string, body: string): SendResult {
      return append({ kind: 'visitor', id: visitor.id, name: visitor.name }, clientId, body, () => {
        const open = store.conversations.openForVisitor(visitor.id);
        if (open) return open;
        const id = newId();
        store.conversations.create({ id, siteId: visitor.siteId, visitorId: visitor.id, now: now() });
        return store.conversations.byId(id)!;
      });
    },

    sendAgentMessage(agent: Agent, conversationId: string, clientId: string, body: string): SendResult {
      return append({ kind: 'agent', id: agent.id, name: agent.name }, clientId, body, () => {
        const conversation = visibleToAgent(agent, conversationId);
        if (conversation.status === 'closed') {
          throw new DomainError(ErrorCode.ConversationClosed, 'This conversation is closed.');
        }
        return conversation;
      });
    },

    openConversationOf: (visitor: Visitor): Conversation | null => store.conversations.openForVisitor(visitor.id),

    /** The visitor's own conversation, or not-found: a forged resume never reveals another conversation. */
    visitorConversation(visitor: Visitor, conversationId: string): Conversation {
      const conversation = store.conversations.byId(conversationId);
      if (!conversation || !visitorCanSee(visitor, conversation)) throw notFound('Conversation');
      return conversation;
    },

    agentConversation: visibleToAgent,

    listForAgent: (agent: Agent, status: ConversationStatus | null): Conversation[] =>
      store.conversations.list(status).filter((c) => agentCanSee(agent, c)),

    /** Messages after a seq, oldest first, capped at LIMITS.maxReplay. */
    messagesAfter: (conversationId: string, afterSeq: number, limit: number = LIMITS.maxReplay): Message[] =>
      store.messages.after(conversationId, afterSeq, Math.min(limit, LIMITS.maxReplay)),
  };
}
export type ChatService = ReturnType<typeof createChatService>;
