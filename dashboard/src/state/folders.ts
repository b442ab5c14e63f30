// Inbox folders: their labels and empty texts. Which conversation belongs in which folder, and who has which folder,
// are the shared inbox rules (@livechat/shared/inbox), the same the server applies. Adding a folder is one entry here.
import type { FolderCounts } from '@livechat/shared/api';
import { hasFolder, type Folder as FolderId, type InboxViewer } from '@livechat/shared/inbox';
import type { Agent } from '@livechat/shared/model';

export type { FolderId, InboxViewer };

export interface Folder {
  id: FolderId;
  label: string;
  emptyText: string;
}

export const FOLDERS: readonly Folder[] = [
  { id: 'unassigned', label: 'Unassigned', emptyText: 'Nobody is waiting.' },
  { id: 'mine', label: 'My chats', emptyText: 'No open chats assigned to you.' },
  { id: 'teams', label: 'My teams', emptyText: 'Nobody is waiting in your teams’ queues.' },
  { id: 'all', label: 'All chats', emptyText: 'No open conversations.' },
  { id: 'bot', label: 'Bot', emptyText: 'No conversations only the bot has handled.' },
  { id: 'closed', label: 'Closed', emptyText: 'No closed conversations.' },
];

export const DEFAULT_FOLDER: FolderId = 'unassigned';

export function folderById(id: FolderId): Folder {
  return FOLDERS.find((f) => f.id === id) ?? FOLDERS[0]!;
}

/**
 * The signed-in agent as the inbox rules see them. Agents see bot-only chats where their site allows it, which the
 * server tells through the Bot folder's count (null when not); the counts also name the agent's teams.
 */
export function viewerOf(agent: Pick<Agent, 'id' | 'role'>, counts: FolderCounts | null): InboxViewer {
  return {
    id: agent.id,
    role: agent.role,
    seesBotChats: agent.role === 'admin' || (counts?.bot ?? null) !== null,
    teamIds: counts?.teamIds ?? [],
  };
}

export function foldersFor(viewer: InboxViewer): Folder[] {
  return FOLDERS.filter((f) => hasFolder(viewer, f.id));
}

/** The folder's size, or null while unknown (or not the agent's to know). */
export function folderCount(counts: FolderCounts | null, id: FolderId): number | null {
  return counts?.[id] ?? null;
}
