// Saved replies: admins keep them, every agent inserts them by typing "/" and the shortcut.
import { ErrorCode } from '@livechat/shared/protocol/constants';
import type { SavedReply } from '@livechat/shared/model';
import type { Store } from '../store/index.js';
import { DomainError, notFound } from './errors.js';
import { newId } from './tokens.js';

export function createSavedReplyService(store: Store, now: () => number) {
  const taken = (shortcut: string, except?: string) => {
    const other = store.savedReplies.byShortcut(shortcut);
    if (other && other.id !== except)
      throw new DomainError(ErrorCode.Conflict, `Another saved reply already uses /${shortcut}.`);
  };
  return {
    list: (): SavedReply[] => store.savedReplies.all(),

    create: (input: { shortcut: string; body: string }, agentId: string): SavedReply =>
      store.transaction(() => {
        taken(input.shortcut);
        const reply: SavedReply = { id: newId(), ...input, updatedAt: now() };
        store.savedReplies.insert(reply, agentId);
        return reply;
      }),

    update: (id: string, change: Partial<{ shortcut: string; body: string }>): SavedReply =>
      store.transaction(() => {
        const current = store.savedReplies.byId(id);
        if (!current) throw notFound('Saved reply');
        if (change.shortcut) taken(change.shortcut, id);
        const reply: SavedReply = { ...current, ...change, updatedAt: now() };
        store.savedReplies.update(reply);
        return reply;
      }),

    remove: (id: string): void => {
      if (!store.savedReplies.remove(id)) throw notFound('Saved reply');
    },
  };
}
