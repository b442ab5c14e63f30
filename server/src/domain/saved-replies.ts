// Saved replies: admins keep them, every agent inserts them by typing "/" and the shortcut.
import { ErrorCode } from '@livechat/shared/protocol/constants';
import type { SavedReply } from '@livechat/shared/model';
import { DomainError, notFound } from './errors.js';
import { isUniqueViolation, type Store } from './store.js';
import { newId } from './tokens.js';

const shortcutTaken = (shortcut: string) =>
  new DomainError(ErrorCode.Conflict, `Another saved reply already uses /${shortcut}.`);

export function createSavedReplyService(store: Store, now: () => number) {
  const taken = async (shortcut: string, except?: string) => {
    const other = await store.savedReplies.byShortcut(shortcut);
    if (other && other.id !== except) throw shortcutTaken(shortcut);
  };
  /** Runs the write; a shortcut taken at the same time by another request is refused like one taken before. */
  const unique = async (shortcut: string | undefined, write: () => Promise<unknown>) => {
    try {
      await write();
    } catch (err) {
      if (shortcut !== undefined && isUniqueViolation(err)) throw shortcutTaken(shortcut);
      throw err;
    }
  };
  return {
    list: (): Promise<SavedReply[]> => store.savedReplies.all(),

    create: (input: { shortcut: string; body: string }, agentId: string): Promise<SavedReply> =>
      store.transaction(async () => {
        await taken(input.shortcut);
        const reply: SavedReply = { id: newId(), ...input, updatedAt: now() };
        await unique(input.shortcut, () => store.savedReplies.insert(reply, agentId));
        return reply;
      }),

    update: (id: string, change: Partial<{ shortcut: string; body: string }>): Promise<SavedReply> =>
      store.transaction(async () => {
        const current = await store.savedReplies.byId(id);
        if (!current) throw notFound('Saved reply');
        if (change.shortcut) await taken(change.shortcut, id);
        const reply: SavedReply = { ...current, ...change, updatedAt: now() };
        await unique(change.shortcut, () => store.savedReplies.update(reply));
        return reply;
      }),

    remove: async (id: string): Promise<void> => {
      if (!(await store.savedReplies.remove(id))) throw notFound('Saved reply');
    },
  };
}
