import type { Agent } from '@livechat/shared/model';
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { listConversations } from '../../state/conversation-list.js';
import type { InboxState, InboxStore } from '../../state/inbox-store.js';
import { ConversationList } from './conversation-list.js';
import { ConversationView } from './conversation-view.js';

interface Props {
  store: InboxStore;
  state: InboxState;
  agent: Agent;
  conversationId: string | null;
}

export function InboxPage({ store, state, agent, conversationId }: Props) {
  // Unsent drafts per conversation, kept while the page is mounted.
  const drafts = useRef(new Map<string, string>());

  useEffect(() => {
    store.open(conversationId);
    // Leaving the inbox: nothing is open, so a reconnect resumes nothing.
    return () => store.open(null);
  }, [store, conversationId]);

  const conversations = useMemo(
    () => listConversations(state.conversations, state.filter),
    [state.conversations, state.filter],
  );

  return (
    <div class="inbox">
      <ConversationList
        conversations={conversations}
        filter={state.filter}
        selectedId={conversationId}
        loading={state.listLoading}
        error={state.listError}
        onFilter={(f) => store.setFilter(f)}
        onRetry={() => void store.refreshList()}
      />
      {conversationId ? (
        <ConversationView
          conversationId={conversationId}
          conversation={state.conversations.get(conversationId)}
          thread={state.threads.get(conversationId)}
          agent={agent}
          draft={drafts.current.get(conversationId) ?? ''}
          onDraft={(text) => drafts.current.set(conversationId, text)}
          onSend={(text) => store.send(conversationId, text)}
          onRetry={(clientId) => store.retry(conversationId, clientId)}
          onDiscard={(clientId) => store.discard(conversationId, clientId)}
        />
      ) : (
        <section class="inbox__thread inbox__thread--empty" aria-label="Conversation">
          <p class="empty">Select a conversation to read and reply.</p>
        </section>
      )}
    </div>
  );
}
