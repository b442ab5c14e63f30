// What the receipts need stored: one read position per reader per conversation (see migration 021/012).
import type { InboxConversation } from '@livechat/shared/inbox';
import type { Viewer } from '../store.js';

/** 'visitor', 'team' (the furthest any agent read) or `agent:<id>`. */
export type Reader = 'visitor' | 'team' | `agent:${string}`;

export interface ReadPosition {
  conversationId: string;
  reader: Reader;
  seq: number;
  readAt: number;
}

/** An open conversation the viewer may see, with how many contact messages lie past the reader's position. */
export type UnreadConversation = InboxConversation & { id: string; unread: number };

export interface ReadPositionStore {
  /** Moves the reader's position to `seq` when that is further than stored; false when it was not. */
  advance(position: ReadPosition): Promise<boolean>;
  /** Sets the position whatever it was ("Mark as unread" moves an agent's back). */
  set(position: ReadPosition): Promise<void>;
  /** Every reader's position in the conversation. */
  of(conversationId: string): Promise<ReadPosition[]>;
  /** The team's positions ('team') in these conversations. */
  teamOf(conversationIds: readonly string[]): Promise<ReadPosition[]>;
  /** The open conversations the viewer may see with unread contact messages for `reader`. */
  unread(viewer: Viewer, reader: Reader): Promise<UnreadConversation[]>;
  /** The seq of the contact's newest message in the conversation, or 0. */
  lastContactSeq(conversationId: string): Promise<number>;
}
