// Closing a conversation: it moves to Closed for good (no reopening, no replies); the bot stops, the visitor is
// told, and the webhook subscribers hear of it. The visitor's next message starts a new conversation.
import { ErrorCode } from '@livechat/shared/protocol/constants';
import type { Agent, Conversation } from '@livechat/shared/model';
import type { Store } from './store.js';
import { visibleConversation } from './access.js';
import { DomainError } from './errors.js';
import type { PlaybookRunner } from './playbook/runner.js';
import type { Timeline } from './timeline.js';
import type { WebhookService } from './webhooks/index.js';

export function createClosingService(
  store: Store,
  timeline: Timeline,
  runner: PlaybookRunner,
  webhooks: WebhookService,
) {
  return {
    close: (agent: Agent, conversationId: string): Promise<Conversation> =>
      timeline.commit(
        async (unit) => {
          // Locked first: concurrent changes of this conversation (on other nodes) wait for this unit's COMMIT.
          await store.conversations.lock(conversationId);
          const before = await visibleConversation(store, agent, conversationId);
          const closed = await store.conversations.close(conversationId, unit.now);
          if (!closed)
            throw new DomainError(ErrorCode.ConversationClosed, 'This conversation is already closed.');
          await runner.agentJoined(unit, closed); // the bot stops for good
          unit.changed(closed, before);
          await unit.activity(closed, {
            kind: 'closed',
            actor: { id: agent.id, name: agent.name },
            text: `${agent.name} closed the conversation`,
            data: null,
          });
          await unit.post(closed.id, { kind: 'system', id: null, name: '' }, 'The chat was closed.', {
            content: { type: 'closed' },
          });
          const contact = await store.visitors.contact(closed.visitorId);
          await webhooks.enqueue('conversation.closed', {
            conversation: { id: closed.id, number: closed.number, closedAt: closed.closedAt },
            closedBy: { id: agent.id, name: agent.name },
            contact,
          });
          return unit.current(closed.id) ?? closed;
        },
        { conversationId },
      ),
  };
}
export type ClosingService = ReturnType<typeof createClosingService>;
