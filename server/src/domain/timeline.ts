// Writing to conversations' timelines: a unit of work runs inside one group commit, stores messages with the next
// gap-free seq, records which conversations changed, and publishes all of it only after COMMIT, in order.
import type {
  Activity,
  Attachment,
  AuthorKind,
  Conversation,
  Delivery,
  Message,
  MessageContent,
} from '@livechat/shared/model';
import { truncateText } from '@livechat/shared/model';
import type { Store } from './store.js';
import type { DomainEvent, EventBus } from './events.js';
import { notFound } from './errors.js';
import { newId } from './tokens.js';
import type { WriteBatcher } from './write-batcher.js';

const PREVIEW_LENGTH = 140;

export interface Author {
  kind: AuthorKind;
  id: string | null;
  name: string;
}

export interface PostOptions {
  /** The author's command id (the idempotency key); absent for bot and system messages. */
  clientId?: string;
  content?: MessageContent;
  /** A text to an SMS contact: its delivery as it starts (queued); kept beside it, not in the message row. */
  delivery?: Delivery;
  /** Sends files with the message: given its id, marks them sent and resolves with them as it carries them. */
  attach?: (messageId: string) => Promise<Attachment[]>;
  /** What the lists quote instead of the body (a message of files only: their names). */
  preview?: string;
}

/** What a unit of work can do; only valid inside `commit`. */
export interface WriteUnit {
  readonly now: number;
  /** Stores a message with the conversation's next seq. */
  post(conversationId: string, author: Author, body: string, options?: PostOptions): Promise<Message>;
  /** The conversation as this unit last wrote it (after a `post`, with its new lastSeq). */
  current(conversationId: string): Conversation | undefined;
  /**
   * The conversation's state changed (queued, waiting, assigned…): agents hear of it after COMMIT. Pass `before`
   * when who may see it can change (assignment), so agents who lose sight of it are told.
   */
  changed(conversation: Conversation, before?: Conversation): void;
  /** Stores an entry of the agents-only timeline; agents who may see the conversation hear of it. */
  activity(
    conversation: Conversation,
    entry: Omit<Activity, 'id' | 'conversationId' | 'createdAt'>,
  ): Promise<Activity>;
  /** Runs after COMMIT (arm a timer, say), never when the unit was rolled back. */
  afterCommit(fn: () => void): void;
}

/**
 * What a unit of work touches, so units that cannot collide commit at once (write lanes): one visitor's
 * conversations, or one conversation (its visitor's, then). None: the unit touches many (it commits alone).
 */
export type WriteScope = { visitorId: string } | { conversationId: string };

/** Conversations whose visitor is known here; the pairing never changes, so the cache is only ever cleared. */
const VISITOR_CACHE_SIZE = 50_000;

export function createTimeline(store: Store, writes: WriteBatcher, events: EventBus, now: () => number) {
  const visitorOf = new Map<string, string>();
  const reading = new Map<string, Promise<string | undefined>>();
  /**
   * The lane key of a scope: its visitor; none for an unknown conversation. Known keys are returned at once, so the
   * unit is queued before its caller's next frame is read (a socket's writes keep their order); a conversation seen
   * first is read once, and every unit that waits for that read queues in the order it asked.
   */
  function keyOf(scope: WriteScope | undefined): string | undefined | Promise<string | undefined> {
    if (scope === undefined) return undefined;
    if ('visitorId' in scope) return scope.visitorId;
    const { conversationId } = scope;
    const known = visitorOf.get(conversationId);
    if (known !== undefined) return known;
    let read = reading.get(conversationId);
    if (!read) {
      read = store.conversations
        .byId(conversationId)
        .then((found) => {
          if (!found) return undefined;
          if (visitorOf.size >= VISITOR_CACHE_SIZE) visitorOf.clear();
          visitorOf.set(found.id, found.visitorId);
          return found.visitorId;
        })
        .finally(() => reading.delete(conversationId));
      reading.set(conversationId, read);
    }
    return read;
  }

  /** One run of a unit of work: its WriteUnit, and what it changed and posted, as the events to publish. */
  function recorder(at: number) {
    const latest = new Map<string, Conversation>();
    const changed = new Set<string>();
    const before = new Map<string, Conversation>();
    const messages: Message[] = [];
    const activities: Activity[] = [];
    const after: (() => void)[] = [];
    const unit: WriteUnit = {
      now: at,
      async post(conversationId, author, body, options = {}) {
        const conversation = await store.conversations.advance(
          conversationId,
          at,
          // Lists and notifications quote what someone said, not "Ann joined the chat". Never half an emoji: a
          // lone surrogate cannot be stored as UTF-8.
          author.kind === 'system' ? null : truncateText(options.preview ?? body, PREVIEW_LENGTH),
          author.kind === 'visitor',
        );
        if (!conversation) throw notFound('Conversation');
        latest.set(conversation.id, conversation);
        const id = newId();
        const attachments = await options.attach?.(id);
        const message: Message = {
          id,
          conversationId,
          seq: conversation.lastSeq,
          clientId: options.clientId ?? null,
          author,
          body,
          ...(options.content && { content: options.content }),
          createdAt: at,
          ...(attachments && { attachments }),
          ...(options.delivery && { delivery: options.delivery }),
        };
        await store.messages.insert(message);
        messages.push(message);
        return message;
      },
      current: (conversationId) => latest.get(conversationId),
      changed(conversation, previous) {
        latest.set(conversation.id, conversation);
        changed.add(conversation.id);
        if (previous && !before.has(conversation.id)) before.set(conversation.id, previous);
      },
      async activity(conversation, entry) {
        if (!latest.has(conversation.id)) latest.set(conversation.id, conversation);
        const activity: Activity = {
          ...entry,
          id: newId(),
          conversationId: conversation.id,
          createdAt: at,
        };
        await store.activities.insert(activity);
        activities.push(activity);
        return activity;
      },
      afterCommit: (fn) => void after.push(fn),
    };
    /** In order: every changed conversation (its final state), every posted message, every activity. */
    const events = (): DomainEvent[] => [
      ...[...changed].map((id): DomainEvent => ({
        type: 'conversation.updated',
        conversation: latest.get(id)!,
        ...(before.has(id) && { before: before.get(id)! }),
      })),
      ...messages.map((message): DomainEvent => ({
        type: 'message.created',
        message,
        conversation: latest.get(message.conversationId)!,
      })),
      ...activities.map((activity): DomainEvent => ({
        type: 'activity.created',
        activity,
        conversation: latest.get(activity.conversationId)!,
      })),
    ];
    return { unit, events, after };
  }

  return {
    /**
     * Runs `work` in the next group commit and resolves after COMMIT with its result; then publishes, in order,
     * every changed conversation (its final state) and every posted message. A throw refuses only this unit.
     */
    async commit<T>(work: (unit: WriteUnit) => Promise<T>, scope?: WriteScope): Promise<T> {
      // A unit may run more than once (its batch runs again when another unit in it is refused): what it records
      // belongs to its run, and only the committed run is published.
      const unit = async () => {
        const run = recorder(now());
        return { result: await work(run.unit), published: run.events(), after: run.after };
      };
      const { result, published, after } = await writes.run(unit, keyOf(scope));
      for (const event of published) events.publish(event);
      for (const fn of after) fn();
      return result;
    },
  };
}
export type Timeline = ReturnType<typeof createTimeline>;
