import type { Agent } from '@livechat/shared/model';
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { visibleList } from '../../state/conversation-list.js';
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
}

export function InboxPage({ store, state, agent, conversationId }: Props) {
  // Unsent drafts per conversation, kept while the page is mounted.
  const drafts = useRef(new Map<string, string>());
  const { colleagues, replies } = useInboxData();

  useEffect(() => {
    store.open(conversationId);
    // Leaving the inbox: nothing is open, so a reconnect resumes nothing.
    return () => store.open(null);
  }, [store, conversationId]);

  const { conversations, listIds, folder, filters } = state;
  const list = useMemo(
    () => visibleList(conversations, listIds, { folder, filters, agentId: agent.id }),
    [conversations, listIds, folder, filters, agent.id],
  );

  const handlers = (id: string): ConversationHandlers => ({
    onDraft: (text) => drafts.current.set(id, text),
    onSend: (text) => store.send(id, text),
    onRetry: (clientId) => store.retry(id, clientId),
    onDiscard: (clientId) => store.discard(id, clientId),
    onAssign: () => store.assign(id),
    onReassign: (assigneeId) => store.reassign(id, assigneeId),
    onClose: () => store.close(id),
    onTags: (tags) => store.setTags(id, tags),
    onNote: (body) => store.addNote(id, body),
    onRecordCreated: () => store.timelineChanged(id),
  });

  return (
    <main class="inbox">
      <ConversationList
        conversations={list}
        role={agent.role}
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
          removed={state.removed.has(conversationId)}
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
