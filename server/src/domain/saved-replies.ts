// Saved replies: the team's (admins keep them, every agent inserts them) and each agent's own (personal: only their
// owner sees, uses, changes and deletes them, admins included). Agents insert them by typing "/" and the shortcut.
// Another agent's personal reply is answered like one that does not exist.
import { ErrorCode } from '@livechat/shared/protocol/constants';
import type { Agent, SavedReply } from '@livechat/shared/model';
import { DomainError, notFound } from './errors.js';
import { isUniqueViolation, type Store, type StoredSavedReply } from './store.js';
import { newId } from './tokens.js';

const shortcutTaken = (shortcut: string, personal: boolean) =>
  new DomainError(
    ErrorCode.Conflict,
    `Another ${personal ? 'of your saved replies' : 'team saved reply'} already uses /${shortcut}.`,
  );

const adminsOnly = () =>
  new DomainError(ErrorCode.Forbidden, 'Only admins can manage the team saved replies.');

/** The reply as agents see it: whose it is stays on the server. */
const shown = ({ ownerId: _owner, ...reply }: StoredSavedReply): SavedReply => reply;

export function createSavedReplyService(store: Store, now: () => number) {
  const taken = async (shortcut: string, ownerId: string | null, except?: string) => {
    const other = await store.savedReplies.byShortcut(shortcut, ownerId);
    if (other && other.id !== except) throw shortcutTaken(shortcut, ownerId !== null);
  };
  /** Runs the write; a shortcut taken at the same time by another request is refused like one taken before. */
  const unique = async (shortcut: string | undefined, personal: boolean, write: () => Promise<unknown>) => {
    try {
      await write();
    } catch (err) {
      if (shortcut !== undefined && isUniqueViolation(err)) throw shortcutTaken(shortcut, personal);
      throw err;
    }
  };
  /** The reply the agent may change: their own, or the team's when they are an admin; others' are not found. */
  const writable = async (agent: Agent, id: string): Promise<StoredSavedReply> => {
    const reply = await store.savedReplies.byId(id);
    if (!reply || (reply.ownerId !== null && reply.ownerId !== agent.id)) throw notFound('Saved reply');
    if (reply.ownerId === null && agent.role !== 'admin') throw adminsOnly();
    return reply;
  };
  return {
    /** The team's and the agent's own. */
    list: async (agent: Agent): Promise<SavedReply[]> =>
      (await store.savedReplies.visibleTo(agent.id)).map(shown),

    create: (
      input: { shortcut: string; body: string; personal: boolean },
      agent: Agent,
    ): Promise<SavedReply> => {
      if (!input.personal && agent.role !== 'admin') return Promise.reject(adminsOnly());
      const ownerId = input.personal ? agent.id : null;
      return store.transaction(async () => {
        await taken(input.shortcut, ownerId);
        const reply: StoredSavedReply = { id: newId(), ...input, ownerId, updatedAt: now() };
        await unique(input.shortcut, input.personal, () => store.savedReplies.insert(reply, agent.id));
        return shown(reply);
      });
    },

    update: (
      agent: Agent,
      id: string,
      change: Partial<{ shortcut: string; body: string }>,
    ): Promise<SavedReply> =>
      store.transaction(async () => {
        const current = await writable(agent, id);
        if (change.shortcut) await taken(change.shortcut, current.ownerId, id);
        const reply: StoredSavedReply = { ...current, ...change, updatedAt: now() };
        await unique(change.shortcut, current.personal, () => store.savedReplies.update(reply));
        return shown(reply);
      }),

    remove: async (agent: Agent, id: string): Promise<void> => {
      await writable(agent, id);
      if (!(await store.savedReplies.remove(id))) throw notFound('Saved reply');
    },
  };
}
