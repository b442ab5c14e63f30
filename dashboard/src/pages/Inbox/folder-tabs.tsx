import type { FolderCounts } from '@livechat/shared/api';
import type { Role } from '@livechat/shared/model';
import { folderCount, foldersFor, type FolderId } from '../../state/folders.js';

interface Props {
  role: Role;
  folder: FolderId;
  counts: FolderCounts | null;
  onFolder: (folder: FolderId) => void;
}

/** The folders as tabs, each with its live size ("Unassigned 3"). */
export function FolderTabs({ role, folder, counts, onFolder }: Props) {
  return (
    <div class="tabs" role="tablist" aria-label="Folders">
      {foldersFor(role).map((f) => {
        const count = folderCount(counts, f.id);
        return (
          <button
            key={f.id}
            type="button"
            role="tab"
            class="tabs__tab"
            aria-selected={folder === f.id}
            onClick={() => onFolder(f.id)}
          >
            {f.label}
            {count !== null && (
              <>
                {' '}
                <span class="tabs__count">{count}</span>
              </>
            )}
          </button>
        );
      })}
    </div>
  );
}
