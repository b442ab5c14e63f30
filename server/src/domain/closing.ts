// Closing a conversation: it moves to Closed; the bot stops, the visitor is told (after the closing message, when the
// agent chose one), and the webhook subscribers hear of it. The visitor's next message starts a new conversation.
// Where the site allows it, an agent reopens a closed conversation: back to its assignee, or to the queue.
import { ErrorCode } from '@livechat/shared/protocol/constants';
import type { CloseOptions } from '@livechat/shared/api';
import type { Agent, Conversation } from '@livechat/shared/model';
import { isUniqueViolation, type Store } from './store.js';
import { visibleConversation } from './access.js';
import type { ClosingMessageService } from './closing-messages.js';
import { DomainError } from './errors.js';
import type { PlaybookRunner } from './playbook/runner.js';
import { QUEUED, type SmsChannel } from './sms/channel.js';
import type { Routing } from './routing.js';
import type { Timeline, WriteUnit } from './timeline.js';
import type { WebhookService } from './webhooks/index.js';

const SYSTEM = { kind: 'system', id: null, name: '' } as const;

/** The contact's other open conversation on the channel: one open conversation per contact and channel. */
const alreadyOpen = (other: Conversation) =>
  new DomainError(
    ErrorCode.Conflict,
    `This contact already has an open conversation on this channel (#${other.number}); close it first, or continue there.`,
  );

export function createClosingService(
  store: Store,
  timeline: Timeline,
  runner: PlaybookRunner,
  webhooks: WebhookService,
  sms: SmsChannel,
  closingMessages: ClosingMessageService,
  routing: Pick<Routing, 'queued'>,
) {
  /** The closing message, from the closing agent, as the conversation's last message: a text on SMS, via the outbox. */
  async function sendClosingMessage(unit: WriteUnit, agent: Agent, conversation: Conversation, text: string) {
    const author = { kind: 'agent', id: agent.id, name: agent.name } as const;
    if (conversation.channel !== 'sms') return unit.post(conversation.id, author, text);
    const route = await sms.prepare(conversation, text); // refused in words (opted out, no number): nothing closes
    const message = await unit.post(conversation.id, author, text, { delivery: QUEUED });
    await sms.enqueue(unit, message, route);
    return message;
  }

  return {
    /** Closes with one of the site's closing messages (by id), or none; the message and the close commit together. */
    close: (agent: Agent, conversationId: string, closingMessageId?: string | null): Promise<Conversation> =>
      timeline.commit(
        async (unit) => {
          // Locked first: concurrent changes of this conversation (on other nodes) wait for this unit's COMMIT.
          await store.conversations.lock(conversationId);
          const before = await visibleConversation(store, agent, conversationId);
          if (before.status !== 'open')
            throw new DomainError(ErrorCode.ConversationClosed, 'This conversation is already closed.');
          const closingMessage = closingMessageId
            ? await closingMessages.chosen(before.siteId, closingMessageId)
            : null;
          if (closingMessage) await sendClosingMessage(unit, agent, before, closingMessage.text);
          const closed = await store.conversations.close(conversationId, unit.now);
          if (!closed)
            throw new DomainError(ErrorCode.ConversationClosed, 'This conversation is already closed.');
          await runner.agentJoined(unit, closed); // the bot stops
          unit.changed(closed, before);
          await unit.activity(closed, {
            kind: 'closed',
            actor: { id: agent.id, name: agent.name },
            text: `${agent.name} closed the conversation`,
            data: closingMessage && {
              closingMessageId: closingMessage.id,
              closingMessage: closingMessage.text,
            },
          });
          await unit.post(closed.id, SYSTEM, 'The chat was closed.', { content: { type: 'closed' } });
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

    /** What the conversation's "Close chat" offers (its site's closing messages) and whether "Reopen" is shown. */
    options: async (agent: Agent, conversationId: string): Promise<CloseOptions> => {
      const conversation = await visibleConversation(store, agent, conversationId);
      const site = await store.sites.byId(conversation.siteId);
      return {
        closingMessages: await closingMessages.list(conversation.siteId),
        reopenAllowed: site?.allowReopen ?? false,
      };
    },

    /**
     * Opens a closed conversation again, where the site allows it: to its assignee while they are active, else to
     * the queue (Unassigned, or its team's). Refused while its contact has another open conversation on its channel.
     */
    reopen: async (agent: Agent, conversationId: string): Promise<Conversation> => {
      try {
        return await timeline.commit(
          async (unit) => {
            await store.conversations.lock(conversationId);
            const before = await visibleConversation(store, agent, conversationId);
            if (!(await store.sites.byId(before.siteId))?.allowReopen)
              throw new DomainError(
                ErrorCode.Forbidden,
                'Closed chats cannot be reopened on this site: an admin can turn on "Allow reopening closed chats" in Settings.',
              );
            if (before.status !== 'closed')
              throw new DomainError(ErrorCode.Conflict, 'This conversation is already open.');
            const other = await store.conversations.openForVisitor(before.visitorId, before.channel);
            if (other) throw alreadyOpen(other);
            const previous = before.assigneeId ? await store.agents.byId(before.assigneeId) : null;
            const assignee = previous?.active ? previous : null;
            const after = (await store.conversations.reopen(conversationId, assignee?.id ?? null, unit.now))!;
            unit.changed(after, before);
            await unit.activity(after, {
              kind: 'reopened',
              actor: { id: agent.id, name: agent.name },
              text: `${agent.name} reopened the conversation`,
              data: assignee ? { assigneeId: assignee.id, assigneeName: assignee.name } : null,
            });
            // The visitor sees their agent back, as when an agent joins; a chat back in the queue says nothing yet.
            if (assignee)
              await unit.post(after.id, SYSTEM, `${assignee.name} joined the chat`, {
                content: { type: 'agent_joined', agent: { id: assignee.id, name: assignee.name } },
              });
            else routing.queued(unit, after); // back in its team's queue: the team's routing applies
            return unit.current(after.id) ?? after;
          },
          { conversationId },
        );
      } catch (error) {
        // Another node opened a conversation for the contact meanwhile: the one-open-per-channel key refused this.
        if (!isUniqueViolation(error)) throw error;
        const conversation = await store.conversations.byId(conversationId);
        const other =
          conversation &&
          (await store.conversations.openForVisitor(conversation.visitorId, conversation.channel));
        if (other) throw alreadyOpen(other);
        throw error;
      }
    },
  };
}
export type ClosingService = ReturnType<typeof createClosingService>;
