import type { FolderCounts } from '@livechat/shared/api';
import { folderCount, foldersFor, type FolderId, type InboxViewer } from '../../state/folders.js';
import { useT } from '../../i18n/i18n.js';
import { FolderUnread } from './receipts.js';

interface Props {
  viewer: InboxViewer;
  /** null while a search spans every folder: no tab is the one shown. */
  folder: FolderId | null;
  counts: FolderCounts | null;
  onFolder: (folder: FolderId) => void;
}

/** The folders as tabs, each with its live size ("Unassigned 3"); the size is a description, not in the name. */
export function FolderTabs({ viewer, folder, counts, onFolder }: Props) {
  const t = useT();
  return (
    <div class="tabs" role="tablist" aria-label={t('inbox.folders')}>
      {foldersFor(viewer).map((f) => {
        const count = folderCount(counts, f.id);
        return (
          <button
            key={f.id}
            type="button"
            role="tab"
            class="tabs__tab"
            aria-selected={folder === f.id}
            aria-describedby={count !== null ? `folder-count-${f.id}` : undefined}
            onClick={() => onFolder(f.id)}
          >
            {t(`folder.${f.id}`)}
            {count !== null && (
              <>
                {' '}
                {/* Described, not part of the name: the tab is "Unassigned" whatever its size. */}
                <span class="tabs__count" aria-hidden="true">
                  {count}
                </span>
                {/* Hidden from the name computation, still read as the tab's description. */}
                <span class="visually-hidden" id={`folder-count-${f.id}`} aria-hidden="true">
                  {t.plural('nav.conversations', count)}
                </span>
              </>
            )}
            <FolderUnread folder={f.id} />
          </button>
        );
      })}
    </div>
  );
}
