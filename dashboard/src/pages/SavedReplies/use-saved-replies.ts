import type { SavedReply } from '@livechat/shared/model';
import { savedRepliesApi, type SavedReplyInput } from '../../api/index.js';
import { useList } from '../../components/use-list.js';

const byShortcut = (a: SavedReply, b: SavedReply) => a.shortcut.localeCompare(b.shortcut);

/** The team's saved replies and the agent's own, in shortcut order; changes throw the server's refusal to the caller. */
export function useSavedReplies() {
  const { items, loading, loadError, put, drop } = useList(() => savedRepliesApi.list(), byShortcut);
  return {
    replies: items,
    loading,
    loadError,
    create: async (input: SavedReplyInput) => put(await savedRepliesApi.create(input)),
    // Who sees a reply stays as it was added.
    update: async (id: string, { shortcut, body }: SavedReplyInput) =>
      put(await savedRepliesApi.update(id, { shortcut, body })),
    remove: async (id: string) => {
      await savedRepliesApi.remove(id);
      drop(id);
    },
  };
}
