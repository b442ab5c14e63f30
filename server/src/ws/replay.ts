import type { Message } from '@livechat/shared/model';
import type { ReplayFrom } from '../domain/visitor-history.js';
import type { Connection } from './connection.js';

/** Messages read per query. */
export const REPLAY_PAGE = 200;
/** Unsent bytes a replay leaves in the socket before it waits for the client to read some. */
export const REPLAY_HIGH_WATER = 256 * 1024;
const DRAIN_POLL_MS = 10;

export interface ReplaySource {
  page: (conversationId: string, afterSeq: number, limit: number) => Message[];
  /** The visitor's open conversation now: one opened during the replay is replayed too. */
  openId: () => string | null;
}

/** Resolves true once the client has read enough of what was sent, false when the socket closed. */
async function drained(conn: Connection): Promise<boolean> {
  for (;;) {
    if (conn.socket.readyState !== conn.socket.OPEN) return false;
    if (conn.socket.bufferedAmount <= REPLAY_HIGH_WATER) return true;
    await new Promise((resolve) => setTimeout(resolve, DRAIN_POLL_MS));
  }
}

/**
 * Sends every message after each position as `message.created`, oldest conversation first and in seq order, however
 * long the conversations are: in pages, waiting while the client has not read what was sent (bounded memory, and
 * never the slow-consumer close). `live` runs synchronously right after the last page was read and sent, so every
 * message stored before it was replayed and every later one reaches the socket as a live event, none twice or out
 * of order. Stops (without `live`) when the socket closes.
 */
export async function replay(
  conn: Connection,
  source: ReplaySource,
  plan: readonly ReplayFrom[],
  live: () => void,
): Promise<void> {
  const queue = [...plan];
  /** The last seq sent per conversation. */
  const sent = new Map<string, number>();
  const sendAfter = (conversationId: string, afterSeq: number): number | null => {
    const page = source.page(conversationId, afterSeq, REPLAY_PAGE);
    for (const message of page) {
      if (!conn.send({ type: 'message.created', message })) return null;
      sent.set(conversationId, message.seq);
    }
    return page.length;
  };
  for (let next = queue.shift(); next; next = queue.shift()) {
    const { conversationId } = next;
    sent.set(conversationId, next.afterSeq);
    for (;;) {
      if (!(await drained(conn))) return;
      const count = sendAfter(conversationId, sent.get(conversationId)!);
      if (count === null) return;
      if (count < REPLAY_PAGE) break;
    }
    // A conversation the visitor opened during the replay is replayed too.
    const open = queue.length === 0 ? source.openId() : null;
    if (open && !sent.has(open)) queue.push({ conversationId: open, afterSeq: 0 });
  }
  // Synchronous from the last read to `live`: what earlier conversations got meanwhile (a close), then live events.
  for (const [conversationId, seq] of sent) {
    let count: number | null;
    let from = seq;
    do {
      count = sendAfter(conversationId, from);
      if (count === null) return;
      from = sent.get(conversationId)!;
    } while (count === REPLAY_PAGE);
  }
  live();
}
