// Inbox folders: which conversations each shows. Adding a folder is one entry here (and its status is fetched).
import type { Conversation, ConversationStatus } from '@livechat/shared/model';
import { listConversations, type ConversationMap } from './conversation-list.js';

export type FolderId = 'unassigned' | 'mine' | 'closed';

export interface Folder {
  id: FolderId;
  label: string;
  /** The list request that fills this folder. */
  status: ConversationStatus;
  includes: (conversation: Conversation, agentId: string) => boolean;
  emptyText: string;
}

export const FOLDERS: readonly Folder[] = [
  {
    id: 'unassigned',
    label: 'Unassigned',
    status: 'open',
    includes: (c) => c.assigneeId === null,
    emptyText: 'Nobody is waiting.',
  },
  {
    id: 'mine',
    label: 'My chats',
    status: 'open',
    includes: (c, agentId) => c.assigneeId === agentId,
    emptyText: 'No open chats assigned to you.',
  },
  {
    id: 'closed',
    label: 'Closed',
    status: 'closed',
    includes: () => true,
    emptyText: 'No closed conversations.',
  },
];

export const DEFAULT_FOLDER: FolderId = 'unassigned';

export function folderById(id: FolderId): Folder {
  return FOLDERS.find((f) => f.id === id) ?? FOLDERS[0]!;
}

/** The folder's conversations, newest activity first. */
export function folderConversations(map: ConversationMap, id: FolderId, agentId: string): Conversation[] {
  const folder = folderById(id);
  return listConversations(map, folder.status).filter((c) => folder.includes(c, agentId));
}
