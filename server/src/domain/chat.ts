// Conversations and messages: visitors and agents writing (group-committed, idempotent by client id, gap-free seq),
// starting a conversation (which starts its playbook), replay and reads.
import { ErrorCode, LIMITS } from '@livechat/shared/protocol/constants';
import type { Agent, Conversation, Locale, Message } from '@livechat/shared/model';
import { isUniqueViolation, type Store, type Visitor } from './store.js';
import { isBotOnly } from '@livechat/shared/inbox';
import { visibleConversation } from './access.js';
import { DomainError } from './errors.js';
import type { PlaybookRunner } from './playbook/runner.js';
import type { Routing } from './routing.js';
import type { Author, Timeline, WriteScope, WriteUnit } from './timeline.js';
import { newId } from './tokens.js';
import { QUEUED, type SmsChannel } from './sms/channel.js';
import type { Files } from './media/files.js';
import type { PostOptions } from './timeline.js';
import { describeAttachments } from '@livechat/shared/model';

/** What a message.send carries: words (a caption when there are files) and the ids of files uploaded first. */
export interface Outgoing {
  clientId: string;
  body: string;
  attachments?: readonly string[] | undefined;
}

export interface SendResult {
  message: Message;
  /** False when the client id was seen before: the stored message is returned and nothing is published. */
  created: boolean;
}

/**
 * A client id already stored for this author: the same command sent again (same body, and the same conversation
 * when the command names one) gets the stored message back; anything else is a clash, refused so that neither
 * message is lost silently.
 */
function resendOf(
  existing: Message,
  body: string,
  conversationId: string | null,
  attachments: readonly string[],
): Message {
  if (conversationId !== null && existing.conversationId !== conversationId) {
    throw new DomainError(
      ErrorCode.ClientIdReused,
      'This message id was already used in another conversation; send the message with a new id.',
    );
  }
  const sentFiles = (existing.attachments ?? []).map((a) => a.id);
  if (existing.body !== body || sentFiles.join() !== attachments.join()) {
    throw new DomainError(
      ErrorCode.ClientIdReused,
      'This message id was already used for a different message; send the message with a new id.',
    );
  }
  return existing;
}

export function createChatService(
  store: Store,
  timeline: Timeline,
  runner: PlaybookRunner,
  sms: SmsChannel,
  files: Files,
  routing: Pick<Routing, 'queued'>,
) {
  /** The post options that send the message's files with it (checked first: theirs, unsent, fit for the channel). */
  async function withFiles(
    outgoing: Outgoing,
    author: { kind: 'visitor' | 'agent'; id: string },
    conversation: Conversation,
  ): Promise<PostOptions> {
    const ids = outgoing.attachments ?? [];
    if (ids.length === 0) return { clientId: outgoing.clientId };
    const claimed = await files.claimable(ids, author, conversation);
    return {
      clientId: outgoing.clientId,
      attach: (messageId) => files.attach(claimed, conversation.id, messageId),
      ...(outgoing.body.trim() === '' && { preview: describeAttachments(claimed) }),
    };
  }

  /**
   * Stores a message once per (author, client id); an exact resend returns the stored one, a reuse of the id for
   * another message is refused. `conversationId` is null when the author does not name it (a visitor writes to
   * their open conversation). `target` locks the conversation written to before the lookup, so a twin of the command
   * on another node is either seen or waits; `write` runs only for a new command. Acked after COMMIT.
   */
  async function send<T>(
    author: Author,
    { clientId, body, attachments = [] }: Outgoing,
    conversationId: string | null,
    scope: WriteScope,
    target: () => Promise<T>,
    write: (unit: WriteUnit, target: T) => Promise<Message>,
  ): Promise<SendResult> {
    const stored = () => store.messages.byClientId(author.kind, author.id, clientId);
    const resent = (existing: Message) => ({
      message: resendOf(existing, body, conversationId, attachments),
      created: false,
    });
    try {
      return await onceMoreOnDuplicate(() =>
        timeline.commit(async (unit) => {
          const locked = await target();
          const existing = await stored();
          if (existing) return resent(existing);
          return { message: await write(unit, locked), created: true };
        }, scope),
      );
    } catch (error) {
      // A twin that no lock could order (no open conversation yet, another conversation) committed first: the unique
      // key on (author, client id) refused this one, and the stored message answers it. Else the refusal stands.
      const existing = await stored().catch(() => null);
      if (!existing) throw error;
      return resent(existing);
    }
  }

  /**
   * Runs a unit again, once, when a unit on another node took a unique key first: the visitor's open conversation
   * (two first messages at once), or this very command (then the resend check above answers it).
   */
  async function onceMoreOnDuplicate<T>(unit: () => Promise<T>): Promise<T> {
    try {
      return await unit();
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      return unit();
    }
  }

  /** The visitor's open conversation, created (and its playbook started) when there is none. */
  async function openConversation(
    unit: WriteUnit,
    visitor: Visitor,
  ): Promise<{ conversation: Conversation; opened: boolean }> {
    const open = await store.conversations.openForVisitor(visitor.id);
    if (open) return { conversation: open, opened: false };
    const id = newId();
    await store.conversations.create({ id, siteId: visitor.siteId, visitorId: visitor.id, now: unit.now });
    return { conversation: (await store.conversations.byId(id))!, opened: true };
  }

  const visibleToAgent = (agent: Agent, conversationId: string): Promise<Conversation> =>
    visibleConversation(store, agent, conversationId);

  return {
    /**
     * The visitor opened the chat: starts a conversation and its playbook, unless one is open. Resolves after
     * COMMIT with the open conversation.
     */
    startConversation: (visitor: Visitor, locale: Locale | null = null): Promise<Conversation> =>
      onceMoreOnDuplicate(() =>
        timeline.commit(
          async (unit) => {
            const { conversation, opened } = await openConversation(unit, visitor);
            if (opened) await runner.start(unit, conversation, false, locale);
            return conversation;
          },
          { visitorId: visitor.id },
        ),
      ),

    /** A visitor's message goes to their open conversation (created on a first message), then to its bot. */
    sendVisitorMessage: (
      visitor: Visitor,
      clientId: string,
      body: string,
      attachments?: readonly string[],
      /** The visitor's language, for the bot of a conversation this message opens. */
      locale: Locale | null = null,
    ): Promise<SendResult> => {
      const outgoing: Outgoing = { clientId, body, attachments };
      const author: Author = { kind: 'visitor', id: visitor.id, name: visitor.name };
      return send(
        author,
        outgoing,
        null,
        { visitorId: visitor.id },
        // One statement: an open conversation that another node closes meanwhile is not returned; should it have
        // opened another, creating one here hits the one-open-per-visitor key and the unit runs once more.
        () => store.conversations.lockOpenOfVisitor(visitor.id),
        async (unit, openId) => {
          // The hot path: index reads for the id; the conversation comes back from the seq update.
          const opened = openId === null;
          const id = openId ?? (await openConversation(unit, visitor)).conversation.id;
          const options = outgoing.attachments?.length
            ? await withFiles(
                outgoing,
                { kind: 'visitor', id: visitor.id },
                (await store.conversations.byId(id))!,
              )
            : { clientId: outgoing.clientId };
          const message = await unit.post(id, author, outgoing.body, options);
          const conversation = unit.current(id)!;
          // The visitor's first words in a chat waiting in a team's queue: now the team's routing may give it out.
          if (conversation.visitorWroteAt === unit.now && conversation.teamId && !conversation.assigneeId)
            routing.queued(unit, conversation);
          // A conversation opened by a message (not by opening the chat): the greeting follows it, not answered by it.
          if (opened) await runner.start(unit, conversation, true, locale);
          // Files without words answer no question of the bot.
          else if (outgoing.body.trim() !== '')
            await runner.visitorMessage(unit, conversation, outgoing.body);
          return message;
        },
      );
    },

    sendAgentMessage: (
      agent: Agent,
      conversationId: string,
      clientId: string,
      body: string,
      attachments?: readonly string[],
    ): Promise<SendResult> => {
      const outgoing: Outgoing = { clientId, body, attachments };
      return send(
        { kind: 'agent', id: agent.id, name: agent.name },
        outgoing,
        conversationId,
        { conversationId },
        // Locked first: a close or reassignment on another node commits before the checks below, or waits.
        () => store.conversations.lock(conversationId),
        async (unit) => {
          const conversation = await visibleToAgent(agent, conversationId);
          if (conversation.status === 'closed') {
            throw new DomainError(ErrorCode.ConversationClosed, 'This conversation is closed.');
          }
          // The bot still runs a Bot-folder chat: an agent takes it over ("Assign to me") before replying.
          if (isBotOnly(conversation))
            throw new DomainError(ErrorCode.Conflict, 'Assign this conversation to yourself to reply.');
          const author: Author = { kind: 'agent', id: agent.id, name: agent.name };
          const options = await withFiles(outgoing, { kind: 'agent', id: agent.id }, conversation);
          if (conversation.channel !== 'sms')
            return unit.post(conversation.id, author, outgoing.body, options);
          // A reply to a text goes out as a text: refused here, in words, when it cannot.
          const route = await sms.prepare(conversation, outgoing.body);
          const message = await unit.post(conversation.id, author, outgoing.body, {
            ...options,
            delivery: QUEUED,
          });
          await sms.enqueue(unit, message, route);
          return message;
        },
      );
    },

    openConversationOf: (visitor: Visitor): Promise<Conversation | null> =>
      store.conversations.openForVisitor(visitor.id),

    agentConversation: visibleToAgent,

    /** Messages after a seq, oldest first, capped at LIMITS.maxReplay. */
    messagesAfter: (
      conversationId: string,
      afterSeq: number,
      limit: number = LIMITS.maxReplay,
    ): Promise<Message[]> =>
      store.messages.after(conversationId, afterSeq, Math.min(limit, LIMITS.maxReplay)),
  };
}
export type ChatService = ReturnType<typeof createChatService>;
