import type { Agent } from '@livechat/shared/model';
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { conversationsApi, errorMessage } from '../../api/index.js';
import { visibleList } from '../../state/conversation-list.js';
import { confirmLeave } from '../../state/leave-guard.js';
import { viewerOf, type FolderId } from '../../state/folders.js';
import { canSee } from '@livechat/shared/inbox';
import type { InboxState, InboxStore } from '../../state/inbox-store.js';
import { ConversationList } from './conversation-list.js';
import { ConversationView, type ConversationHandlers } from './conversation-view.js';
import { useInboxData } from './use-inbox-data.js';
import { useFilterUrl } from './use-filter-url.js';
import { BackToList } from './back-to-list.js';
import type { ListFilters } from '../../state/list-filters.js';
import './inbox.css';

interface Props {
  store: InboxStore;
  state: InboxState;
  agent: Agent;
  conversationId: string | null;
  /** A link asked for this folder (`#/folder/bot`). */
  folder?: FolderId;
  /** The list's filters a link names (`#/folder/mine?channel=sms`): see use-filter-url.ts. */
  filters?: ListFilters;
}

export function InboxPage({
  store,
  state,
  agent,
  conversationId,
  folder: linkedFolder,
  filters: linkedFilters,
}: Props) {
  // Unsent drafts per conversation, kept while the page is mounted.
  const drafts = useRef(new Map<string, string>());
  const openTeamId = conversationId ? state.conversations.get(conversationId)?.teamId : null;
  const { colleagues, teams, replies } = useInboxData([openTeamId, ...(state.counts?.teamIds ?? [])]);

  useEffect(() => {
    if (linkedFolder) store.setFolder(linkedFolder);
  }, [store, linkedFolder]);
  const route = useMemo(
    () => ({ page: 'inbox' as const, conversationId, folder: linkedFolder, filters: linkedFilters }),
    [conversationId, linkedFolder, linkedFilters],
  );
  useFilterUrl(store, state, route);

  useEffect(() => {
    store.open(conversationId);
    // Leaving the inbox: nothing is open, so a reconnect resumes nothing.
    return () => store.open(null);
  }, [store, conversationId]);

  const { conversations, listIds, folder, filters, counts } = state;
  const viewer = useMemo(() => viewerOf(agent, counts), [agent, counts]);
  const list = useMemo(
    () => visibleList(conversations, listIds, { folder, filters, viewer }),
    [conversations, listIds, folder, filters, viewer],
  );

  const handlers = (id: string): ConversationHandlers => ({
    onDraft: (text) => {
      drafts.current.set(id, text);
      store.receipts.typed(id, text);
    },
    onSend: (text, attachments) => {
      store.receipts.stoppedTyping();
      return store.send(id, text, attachments);
    },
    onRetry: (clientId) => store.retry(id, clientId),
    onDiscard: (clientId) => store.discard(id, clientId),
    onAssign: () => store.assign(id),
    onReassign: (target) => {
      // Handed to a colleague or another team's queue, the chat leaves the agent's sight (admins keep it): unsaved
      // edits would go with it.
      const c = conversations.get(id);
      const after = c && {
        ...c,
        assigneeId: target.assigneeId ?? null,
        teamId: target.teamId ?? (target.assigneeId ? c.teamId : null),
      };
      if (after && !canSee(viewer, after) && !confirmLeave('#/inbox')) return Promise.resolve(null);
      return store.reassign(id, target);
    },
    onClose: (closingMessageId) => store.close(id, closingMessageId),
    onReopen: () => store.reopen(id),
    onDelete: async () => {
      try {
        await conversationsApi.remove(id);
      } catch (error) {
        return errorMessage(error);
      }
      store.deleted(id);
      return null;
    },
    onTags: (tags) => store.setTags(id, tags),
    onNote: (body) => store.addNote(id, body),
    onRecordCreated: () => store.timelineChanged(id),
  });

  return (
    // On a phone, `inbox--open` shows the conversation instead of the list (see inbox.css).
    <main class={conversationId ? 'inbox inbox--open' : 'inbox'}>
      <ConversationList
        conversations={list}
        viewer={viewer}
        folder={folder}
        counts={state.counts}
        filters={filters}
        colleagues={colleagues}
        teams={teams}
        selectedId={conversationId}
        loading={state.listLoading}
        error={state.listError}
        onFolder={(f) => store.setFolder(f)}
        onFilters={(f) => store.setFilters(f)}
        onRetry={() => void store.refreshList()}
      />
      {conversationId && <BackToList />}
      {conversationId ? (
        <ConversationView
          {...handlers(conversationId)}
          conversationId={conversationId}
          conversation={conversations.get(conversationId)}
          thread={state.threads.get(conversationId)}
          activities={state.activities.get(conversationId)}
          gone={state.removed.get(conversationId)}
          notFound={state.notFound.has(conversationId)}
          visitorContext={state.visitorContexts.get(conversationId)}
          agent={agent}
          colleagues={colleagues}
          teams={teams}
          replies={replies}
          draft={drafts.current.get(conversationId) ?? ''}
        />
      ) : (
        <section class="inbox__thread inbox__thread--empty" aria-label="Conversation">
          <p class="empty">Select a conversation to read and reply.</p>
        </section>
      )}
    </main>
  );
}
