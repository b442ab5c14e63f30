// Conversations and messages: storing a message (group-committed, idempotent by client id, gap-free seq), replay, reads.
import { ErrorCode, LIMITS } from '@livechat/shared/protocol/constants';
import type { Agent, Conversation, ConversationStatus, Message } from '@livechat/shared/model';
import type { Store, Visitor } from '../store/index.js';
import { agentCanSee, visitorCanSee } from './access.js';
import { DomainError, notFound } from './errors.js';
import type { EventBus } from './events.js';
import { newId } from './tokens.js';
import type { WriteBatcher } from './write-batcher.js';

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

/** What a write leaves for after its commit: the conversation as updated by it, or null for a resend. */
interface Stored {
  message: Message;
  conversation: Conversation | null;
  /** The message opened this conversation. */
  opened: boolean;
}

/** The conversation a message goes to, with its seq taken; `opened` when the message creates it. */
interface Advanced {
  conversation: Conversation;
  opened: boolean;
}

export function createChatService(store: Store, writes: WriteBatcher, events: EventBus, now: () => number) {
  /**
   * Stores one message in the next group commit (idempotent by client id, next gap-free seq) and resolves after
   * COMMIT, so the caller's ack follows durable storage; then publishes it. `advance` takes the seq and returns the
   * updated conversation, or throws a DomainError that refuses only this message.
   */
  async function append(
    author: Author,
    clientId: string,
    body: string,
    advance: (at: number, preview: string) => Advanced,
  ): Promise<SendResult> {
    const stored = await writes.run((): Stored => {
      const existing = store.messages.byClientId(author.kind, author.id, clientId);
      if (existing) return { message: existing, conversation: null, opened: false };
      const createdAt = now();
      const { conversation, opened } = advance(createdAt, body.slice(0, PREVIEW_LENGTH));
      const message: Message = {
        id: newId(),
        conversationId: conversation.id,
        seq: conversation.lastSeq,
        clientId,
        author: { kind: author.kind, id: author.id, name: author.name },
        body,
        createdAt,
      };
      store.messages.insert(message);
      return { message, conversation, opened };
    });
    const { message, conversation, opened } = stored;
    if (!conversation) return { message, created: false };
    // A new conversation is announced first, so lists know it before its message. Later messages are announced
    // by `message.created` alone: receivers derive lastSeq, preview and activity time from it.
    if (opened) events.publish({ type: 'conversation.updated', conversation });
    events.publish({ type: 'message.created', message, conversation });
    return { message, created: true };
  }

  function visibleToAgent(agent: Agent, conversationId: string): Conversation {
    const conversation = store.conversations.byId(conversationId);
    if (!conversation || !agentCanSee(agent, conversation)) throw notFound('Conversation');
    return conversation;
  }

  return {
    /** A visitor's message goes to their open conversation, which is created on their first message. */
    sendVisitorMessage(visitor: Visitor, clientId: string, body: string): Promise<SendResult> {
      return append(
        { kind: 'visitor', id: visitor.id, name: visitor.name },
        clientId,
        body,
        (at, preview) => {
          const open = store.conversations.advanceOpenOfVisitor(visitor.id, at, preview);
          if (open) return { conversation: open, opened: false };
          store.conversations.create({ id: newId(), siteId: visitor.siteId, visitorId: visitor.id, now: at });
          return {
            conversation: store.conversations.advanceOpenOfVisitor(visitor.id, at, preview)!,
            opened: true,
          };
        },
      );
    },

    sendAgentMessage(
      agent: Agent,
      conversationId: string,
      clientId: string,
      body: string,
    ): Promise<SendResult> {
      return append({ kind: 'agent', id: agent.id, name: agent.name }, clientId, body, (at, preview) => {
        const conversation = visibleToAgent(agent, conversationId);
        if (conversation.status === 'closed') {
          throw new DomainError(ErrorCode.ConversationClosed, 'This conversation is closed.');
        }
        return { conversation: store.conversations.advance(conversation.id, at, preview)!, opened: false };
      });
    },

    openConversationOf: (visitor: Visitor): Conversation | null =>
      store.conversations.openForVisitor(visitor.id),

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
