// Erasure (GDPR): an admin deletes a conversation, or a contact with every conversation of theirs, for good. All of
// its rows go in one transaction; the files' bytes go after COMMIT (a rolled-back deletion keeps them), then agents
// who could see it and the contact's widgets are told.
import type { Agent, Conversation } from '@livechat/shared/model';
import { ErrorCode } from '@livechat/shared/protocol/constants';
import { DomainError, notFound } from './errors.js';
import type { EventBus } from './events.js';
import { isTransientConflict, type Store } from './store.js';
import { newId } from './tokens.js';

/** What erasure needs from storage. Call every method inside a transaction. */
export interface ErasureStore {
  /**
   * Holds the conversation's row until COMMIT, so nothing new can point at it meanwhile (PostgreSQL; the SQLite
   * writer is alone anyway).
   */
  lockConversation(id: string): Promise<void>;
  /** Holds the contact's row and their conversations' rows (as above); their conversations' ids, or null when none. */
  lockContact(visitorId: string): Promise<string[] | null>;
  /**
   * Deletes the conversation and every row of it: messages, notes and events, details, leads and deals, answers,
   * the playbook's run, texts, files and webhook deliveries that name it. Resolves with the deleted files' ids.
   */
  deleteConversation(id: string): Promise<string[]>;
  /**
   * Deletes the contact (their conversations deleted first) and what is keyed by them: unsent files they uploaded,
   * leads naming them, webhook deliveries that name them. Resolves with the deleted files' ids.
   */
  deleteContact(visitorId: string): Promise<string[]>;
}

export interface ErasureOptions {
  /** Deletes the bytes of these files (the blob store); called after COMMIT. */
  deleteFileBytes: (ids: string[]) => Promise<void>;
  /** A failure after COMMIT (bytes left behind), which the caller cannot undo. */
  onError: (err: unknown) => void;
  /** The audit log's clock. */
  now?: () => number;
}

/** Runs of a deletion that PostgreSQL gave up as a deadlock with a concurrent write. */
const ATTEMPTS = 3;

export function createErasureService(
  store: Store,
  events: EventBus,
  { deleteFileBytes, onError, now = Date.now }: ErasureOptions,
) {
  const adminOnly = (agent: Agent, what: string) => {
    if (agent.role !== 'admin') throw new DomainError(ErrorCode.Forbidden, `Only admins can delete ${what}.`);
  };

  async function unit<T>(work: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await store.transaction(work);
      } catch (error) {
        if (attempt >= ATTEMPTS || !isTransientConflict(error)) throw error;
      }
    }
  }

  /** The rows are gone for good: a failure here leaves only unreachable bytes, so it is reported, not thrown. */
  async function deleteBytes(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await deleteFileBytes(ids).catch(onError);
  }

  return {
    /** Admins only. Resolves once the rows are committed gone and the files' bytes deleted. */
    async deleteConversation(agent: Agent, id: string): Promise<void> {
      adminOnly(agent, 'conversations');
      const { conversation, fileIds } = await unit(async () => {
        await store.erasure.lockConversation(id);
        const conversation = await store.conversations.byId(id);
        if (!conversation) throw notFound('Conversation');
        return { conversation, fileIds: await store.erasure.deleteConversation(id) };
      });
      events.publish({ type: 'conversation.deleted', conversation });
      await deleteBytes(fileIds);
    },

    /**
     * Admins only. The contact, every conversation of theirs on every channel, and their files; the audit log keeps
     * who deleted which contact id, when, and how much went (in the same transaction).
     */
    async deleteContact(agent: Agent, visitorId: string): Promise<void> {
      adminOnly(agent, 'contacts');
      const { conversations, fileIds } = await unit(async () => {
        const ids = await store.erasure.lockContact(visitorId);
        if (ids === null) throw notFound('Contact');
        const counts = await store.contactProfiles.counts(visitorId);
        await store.contactProfiles.insertAudit({
          id: newId(),
          action: 'contact_deleted',
          actor: { id: agent.id, name: agent.name },
          contactId: visitorId,
          ...counts,
          createdAt: now(),
        });
        const conversations: Conversation[] = [];
        const fileIds: string[] = [];
        for (const id of ids) {
          const conversation = await store.conversations.byId(id);
          if (conversation) conversations.push(conversation);
          fileIds.push(...(await store.erasure.deleteConversation(id)));
        }
        fileIds.push(...(await store.erasure.deleteContact(visitorId)));
        return { conversations, fileIds };
      });
      // First, so their widgets close as signed out (their token is gone), not as having lost one conversation.
      events.publish({ type: 'contact.deleted', visitorId });
      for (const conversation of conversations)
        events.publish({ type: 'conversation.deleted', conversation });
      await deleteBytes(fileIds);
    },
  };
}
export type ErasureService = ReturnType<typeof createErasureService>;
