import type { Conversation, ConversationStatus } from '@livechat/shared/model';
import { ConversationListItem } from './conversation-list-item.js';

interface Props {
  conversations: readonly Conversation[];
  filter: ConversationStatus;
  selectedId: string | null;
  loading: boolean;
  error: string | null;
  onFilter: (filter: ConversationStatus) => void;
  onRetry: () => void;
}

const TABS: { value: ConversationStatus; label: string }[] = [
  { value: 'open', label: 'Open' },
  { value: 'closed', label: 'Closed' },
];

export function ConversationList({
  conversations,
  filter,
  selectedId,
  loading,
  error,
  onFilter,
  onRetry,
}: Props) {
  return (
    <section class="inbox__list" aria-label="Conversations">
      <header class="pane-header">
        <h1 class="pane-header__title">Inbox</h1>
        <div class="tabs" role="tablist" aria-label="Conversation status">
          {TABS.map((t) => (
            <button
              key={t.value}
              type="button"
              role="tab"
              class="tabs__tab"
              aria-selected={filter === t.value}
              onClick={() => onFilter(t.value)}
            >
              {t.label}
            </button>
          ))}
        </div>
      </header>
      {error && (
        <div class="list-error" role="alert">
          <span>{error}</span>
          <button type="button" class="button button--small" onClick={onRetry}>
            Retry
          </button>
        </div>
      )}
      {conversations.length === 0 ? (
        <p class="empty">
          {loading ? 'Loading…' : filter === 'open' ? 'No open conversations.' : 'No closed conversations.'}
        </p>
      ) : (
        <ul class="conv-list">
          {conversations.map((c) => (
            <ConversationListItem key={c.id} conversation={c} selected={c.id === selectedId} />
          ))}
        </ul>
      )}
    </section>
  );
}
