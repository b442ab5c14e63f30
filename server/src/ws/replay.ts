import type { Domain } from '../domain/index.js';
import type { Connection } from './connection.js';

/**
 * Sends every message after `afterSeq` as `message.created`, in seq order. Runs synchronously, so no live
 * message can be sent on this connection between the replay and the caller's registration for live events.
 */
export function replay(domain: Domain, conn: Connection, conversationId: string, afterSeq: number): void {
  for (const message of domain.chat.messagesAfter(conversationId, afterSeq)) {
    conn.send({ type: 'message.created', message });
  }
}
