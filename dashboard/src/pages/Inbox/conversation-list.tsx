import type { FolderCounts, Team } from '@livechat/shared/api';
import type { Conversation } from '@livechat/shared/model';
import type { Colleague } from '../../api/index.js';
import { folderById, type FolderId, type InboxViewer } from '../../state/folders.js';
import { hasFilters, isSearching, type ListFilters } from '../../state/list-filters.js';
import { ConversationListItem } from './conversation-list-item.js';
import { FolderTabs } from './folder-tabs.js';
import { ListFiltersBar } from './list-filters-bar.js';
import { useT } from '../../i18n/i18n.js';

interface Props {
  conversations: readonly Conversation[];
  viewer: InboxViewer;
  folder: FolderId;
  counts: FolderCounts | null;
  filters: ListFilters;
  colleagues: readonly Colleague[];
  teams: readonly Team[];
  selectedId: string | null;
  loading: boolean;
  error: string | null;
  onFolder: (folder: FolderId) => void;
  onFilters: (filters: ListFilters) => void;
  onRetry: () => void;
}

/** The list holds up to this many (the server's page). */
const LIST_LIMIT = 200;

export function matchCount(n: number): string {
  if (n >= LIST_LIMIT) return `${LIST_LIMIT} or more conversations`;
  return n === 1 ? '1 conversation' : `${n} conversations`;
}

export function ConversationList(props: Props) {
  const { conversations, folder, filters, selectedId, loading, error } = props;
  const searching = isSearching(filters);
  const t = useT();
  const filtered = hasFilters(filters);
  const emptyText = searching
    ? 'No conversation matches this search.'
    : filtered
      ? 'No conversation matches these filters.'
      : t(`folder.${folderById(folder).id}.empty`);
  // Where the list comes from, and with filters how many match (the list as the server gave it: what the agent may see).
  const scope = [
    searching && 'Search results from all folders',
    filtered && !loading && matchCount(conversations.length),
  ].filter(Boolean);
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
        teams={props.teams}
        onFilters={props.onFilters}
      />
      {scope.length > 0 && (
        <p class="list-scope" role="status">
          {scope.join(' · ')}
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
