// Typing, seen receipts and unread counts in the inbox: the list's unread badges, the folders' unread counts, the
// "is typing…" line above the composer, "Seen" under the last reply the visitor has read, "Mark as unread", and
// reading (the open conversation, while the tab is visible). State: state/receipts-store.ts.
import type { FolderId } from '../../state/folders.js';
import { createContext } from 'preact';
import { useContext, useEffect, useMemo, useState } from 'preact/hooks';
import type { Message } from '@livechat/shared/model';
import { errorMessage } from '../../api/index.js';
import { formatFull } from '../../components/format-time.js';
import { routeHref } from '../../state/route.js';
import type { ReceiptsState, ReceiptsStore } from '../../state/receipts-store.js';
import type { TimelineItem } from '../../state/activities.js';
import './receipts.css';

export const ReceiptsContext = createContext<ReceiptsStore | null>(null);

const NOTHING: ReceiptsState = { typing: new Map(), reads: new Map(), unread: null };

/** The receipts' state, live; empty outside the inbox (no provider). */
export function useReceipts(): ReceiptsState {
  const store = useContext(ReceiptsContext);
  const [state, setState] = useState(() => store?.getState() ?? NOTHING);
  useEffect(() => {
    if (!store) return;
    const sync = () => setState(store.getState());
    sync();
    return store.subscribe(sync);
  }, [store]);
  return state;
}

/** The list's count of the contact's messages this agent has not read. */
export function UnreadBadge({ conversationId }: { conversationId: string }) {
  const count = useReceipts().unread?.conversations[conversationId] ?? 0;
  if (count === 0) return null;
  return (
    <span class="unread-badge" title={`${count} unread`}>
      {count}
      <span class="visually-hidden"> unread</span>
    </span>
  );
}

/** How many chats of the folder have unread messages for this agent (hidden at 0, and for folders without). */
export function FolderUnread({ folder }: { folder: FolderId }) {
  const folders = useReceipts().unread?.folders;
  const count = folders && folder in folders ? folders[folder as keyof typeof folders] : null;
  if (!count) return null;
  return (
    <span class="unread-badge unread-badge--folder" title={`${count} unread`} aria-hidden="true">
      {count}
    </span>
  );
}

/** "Vera is typing…" (and what they type, where the site shares it) above the composer, live. */
export function TypingLine({ conversationId }: { conversationId: string }) {
  const typing = useReceipts().typing.get(conversationId);
  return (
    <div class="typing-line" role="status" aria-live="polite">
      {typing && (
        <>
          <span class="typing-line__who">{typing.name} is typing…</span>
          {typing.text && (
            <span
              class="typing-line__preview"
              title="What they are typing (this site shares typing previews)"
            >
              {typing.text}
            </span>
          )}
        </>
      )}
    </div>
  );
}

/** The newest agent reply the visitor has read, and when they read up to it; null when none. */
export function useSeen(conversationId: string, items: readonly TimelineItem[]) {
  const visitor = useReceipts().reads.get(conversationId)?.visitor;
  return useMemo(() => {
    if (!visitor) return null;
    for (let i = items.length - 1; i >= 0; i--) {
      const item = items[i]!;
      if (item.kind !== 'message') continue;
      const m: Message = item.message;
      if (m.author.kind === 'agent' && m.seq <= visitor.seq)
        return { messageId: m.id, readAt: visitor.readAt };
    }
    return null;
  }, [visitor, items]);
}

/** "Seen" under a reply, with when in its title. */
export function SeenMark({ readAt }: { readAt: number }) {
  return (
    <li class="seen-mark" title={`Seen ${formatFull(readAt)}`}>
      Seen
    </li>
  );
}

const visible = () => typeof document === 'undefined' || document.visibilityState === 'visible';

/**
 * Loads the conversation's read positions when it opens, and reads it up to `lastSeq` while it is open and the tab
 * visible (again as messages arrive, or when the tab comes back).
 */
export function useReadWhileOpen(conversationId: string, lastSeq: number): void {
  const store = useContext(ReceiptsContext);
  const [shown, setShown] = useState(visible);
  useEffect(() => {
    const onChange = () => setShown(visible());
    document.addEventListener('visibilitychange', onChange);
    return () => document.removeEventListener('visibilitychange', onChange);
  }, []);
  useEffect(() => {
    void store?.loadReads(conversationId);
    return () => store?.stoppedTyping();
  }, [store, conversationId]);
  useEffect(() => {
    if (store && shown && lastSeq > 0) store.markRead(conversationId, lastSeq);
  }, [store, conversationId, lastSeq, shown]);
}

/** Puts the conversation back to unread for this agent and returns to the list, where it shows so. */
export function MarkUnreadButton({ conversationId }: { conversationId: string }) {
  const store = useContext(ReceiptsContext);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!store) return null;
  const mark = async () => {
    setBusy(true);
    setError(null);
    try {
      await store.markUnread(conversationId);
      // Leaving it: staying would read it again at once.
      location.hash = routeHref({ page: 'inbox', conversationId: null });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" class="button" disabled={busy} onClick={() => void mark()}>
        Mark as unread
      </button>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
