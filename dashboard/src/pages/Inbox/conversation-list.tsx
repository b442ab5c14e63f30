import type { FolderCounts } from '@livechat/shared/api';
import type { Conversation } from '@livechat/shared/model';
import type { Colleague } from '../../api/index.js';
import { folderById, type FolderId, type InboxViewer } from '../../state/folders.js';
import { isSearching, type ListFilters } from '../../state/list-filters.js';
import { ConversationListItem } from './conversation-list-item.js';
import { FolderTabs } from './folder-tabs.js';
import { ListFiltersBar } from './list-filters-bar.js';

interface Props {
  conversations: readonly Conversation[];
  viewer: InboxViewer;
  folder: FolderId;
  counts: FolderCounts | null;
  filters: ListFilters;
  colleagues: readonly Colleague[];
  selectedId: string | null;
  loading: boolean;
  error: string | null;
  onFolder: (folder: FolderId) => void;
  onFilters: (filters: ListFilters) => void;
  onRetry: () => void;
}

export function ConversationList(props: Props) {
  const { conversations, folder, filters, selectedId, loading, error } = props;
  const searching = isSearching(filters);
  const emptyText = searching ? 'No conversation matches this search.' : folderById(folder).emptyText;
  return (
    <section class="inbox__list" aria-label="Conversations">
      <header class="pane-header">
        <h1 class="pane-header__title">Inbox</h1>
        <FolderTabs
          viewer={props.viewer}
          folder={searching ? null : folder}
          counts={props.counts}
          onFolder={props.onFolder}
        />
      </header>
      <ListFiltersBar
        folder={folder}
        filters={filters}
        viewer={props.viewer}
        colleagues={props.colleagues}
        onFilters={props.onFilters}
      />
      {searching && (
        <p class="list-scope" role="status">
          Search results from all folders
        </p>
      )}
      {error && (
        <div class="list-error" role="alert">
          <span>{error}</span>
          <button type="button" class="button button--small" onClick={props.onRetry}>
            Retry
          </button>
        </div>
      )}
      {conversations.length === 0 ? (
        <p class="empty">{loading ? 'Loading…' : emptyText}</p>
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
