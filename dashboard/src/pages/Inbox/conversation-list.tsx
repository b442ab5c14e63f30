import type { Conversation } from '@livechat/shared/model';
import { FOLDERS, folderById, type FolderId } from '../../state/folders.js';
import { ConversationListItem } from './conversation-list-item.js';

interface Props {
  conversations: readonly Conversation[];
  folder: FolderId;
  selectedId: string | null;
  loading: boolean;
  error: string | null;
  onFolder: (folder: FolderId) => void;
  onRetry: () => void;
}

export function ConversationList({
  conversations,
  folder,
  selectedId,
  loading,
  error,
  onFolder,
  onRetry,
}: Props) {
  return (
    <section class="inbox__list" aria-label="Conversations">
      <header class="pane-header">
        <h1 class="pane-header__title">Inbox</h1>
        <div class="tabs" role="tablist" aria-label="Folders">
          {FOLDERS.map((f) => (
            <button
              key={f.id}
              type="button"
              role="tab"
              class="tabs__tab"
              aria-selected={folder === f.id}
              onClick={() => onFolder(f.id)}
            >
              {f.label}
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
        <p class="empty">{loading ? 'Loading…' : folderById(folder).emptyText}</p>
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
