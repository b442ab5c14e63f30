// Inbox folders. Each fixes part of the list's filter exactly as the server does for `?folder=`, so a conversation
// changed live can be filed without asking the server. Adding a folder is one entry here.
import type { Folder as FolderId, FolderCounts } from '@livechat/shared/api';
import type { ConversationStatus, Role } from '@livechat/shared/model';

export type { FolderId };

/** What a folder pins: its status, and for some its assignee (null: nobody; 'me': the signed-in agent). */
export interface FolderScope {
  status: ConversationStatus;
  assignee?: null | 'me';
}

export interface Folder {
  id: FolderId;
  label: string;
  scope: FolderScope;
  emptyText: string;
  /** Only admins see every open conversation. */
  adminOnly?: true;
}

export const FOLDERS: readonly Folder[] = [
  {
    id: 'unassigned',
    label: 'Unassigned',
    scope: { status: 'open', assignee: null },
    emptyText: 'Nobody is waiting.',
  },
  {
    id: 'mine',
    label: 'My chats',
    scope: { status: 'open', assignee: 'me' },
    emptyText: 'No open chats assigned to you.',
  },
  {
    id: 'all',
    label: 'All chats',
    scope: { status: 'open' },
    emptyText: 'No open conversations.',
    adminOnly: true,
  },
  { id: 'closed', label: 'Closed', scope: { status: 'closed' }, emptyText: 'No closed conversations.' },
];

export const DEFAULT_FOLDER: FolderId = 'unassigned';

export function folderById(id: FolderId): Folder {
  return FOLDERS.find((f) => f.id === id) ?? FOLDERS[0]!;
}

export function foldersFor(role: Role): Folder[] {
  return FOLDERS.filter((f) => !f.adminOnly || role === 'admin');
}

/** The folder's size, or null while unknown (or not the agent's to know). */
export function folderCount(counts: FolderCounts | null, id: FolderId): number | null {
  return counts?.[id] ?? null;
}
