import type { Agent } from '@livechat/shared/model';
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { folderConversations } from '../../state/folders.js';
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
    () => folderConversations(state.conversations, state.folder, agent.id),
    [state.conversations, state.folder, agent.id],
  );

  return (
    <main class="inbox">
      <ConversationList
        conversations={conversations}
        folder={state.folder}
        selectedId={conversationId}
        loading={state.listLoading}
        error={state.listError}
        onFolder={(f) => store.setFolder(f)}
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
          onAssign={() => store.assign(conversationId)}
        />
      ) : (
        <section class="inbox__thread inbox__thread--empty" aria-label="Conversation">
          <p class="empty">Select a conversation to read and reply.</p>
        </section>
      )}
    </main>
  );
}
