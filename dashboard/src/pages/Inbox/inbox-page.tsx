import type { Agent } from '@livechat/shared/model';
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { conversationsApi, errorMessage } from '../../api/index.js';
import { visibleList } from '../../state/conversation-list.js';
import { confirmLeave } from '../../state/leave-guard.js';
import { viewerOf, type FolderId } from '../../state/folders.js';
import type { InboxState, InboxStore } from '../../state/inbox-store.js';
import { ConversationList } from './conversation-list.js';
import { ConversationView, type ConversationHandlers } from './conversation-view.js';
import { useInboxData } from './use-inbox-data.js';
import './inbox.css';

interface Props {
  store: InboxStore;
  state: InboxState;
  agent: Agent;
  conversationId: string | null;
  /** A link asked for this folder (`#/folder/bot`). */
  folder?: FolderId;
}

export function InboxPage({ store, state, agent, conversationId, folder: linkedFolder }: Props) {
  // Unsent drafts per conversation, kept while the page is mounted.
  const drafts = useRef(new Map<string, string>());
  const { colleagues, replies } = useInboxData();

  useEffect(() => {
    if (linkedFolder) store.setFolder(linkedFolder);
  }, [store, linkedFolder]);

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
    onDraft: (text) => drafts.current.set(id, text),
    onSend: (text, attachments) => store.send(id, text, attachments),
    onRetry: (clientId) => store.retry(id, clientId),
    onDiscard: (clientId) => store.discard(id, clientId),
    onAssign: () => store.assign(id),
    onReassign: (assigneeId) => {
      // Handed to a colleague, the chat leaves an agent's sight (admins keep it): unsaved edits would go with it.
      const leaves = agent.role !== 'admin' && assigneeId !== null && assigneeId !== agent.id;
      if (leaves && !confirmLeave('#/inbox')) return Promise.resolve(null);
      return store.reassign(id, assigneeId);
    },
    onClose: () => store.close(id),
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
    <main class="inbox">
      <ConversationList
        conversations={list}
        viewer={viewer}
        folder={folder}
        counts={state.counts}
        filters={filters}
        colleagues={colleagues}
        selectedId={conversationId}
        loading={state.listLoading}
        error={state.listError}
        onFolder={(f) => store.setFolder(f)}
        onFilters={(f) => store.setFilters(f)}
        onRetry={() => void store.refreshList()}
      />
      {conversationId ? (
        <ConversationView
          {...handlers(conversationId)}
          conversationId={conversationId}
          conversation={conversations.get(conversationId)}
          thread={state.threads.get(conversationId)}
          activities={state.activities.get(conversationId)}
          gone={state.removed.get(conversationId)}
          notFound={state.notFound.has(conversationId)}
          agent={agent}
          colleagues={colleagues}
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
