import type { Message } from '@livechat/shared/model';
import type { ReplayFrom } from '../domain/visitor-history.js';
import type { Connection } from './connection.js';

/** Messages read per query. */
export const REPLAY_PAGE = 200;
/** Unsent bytes a replay leaves in the socket before it waits for the client to read some. */
export const REPLAY_HIGH_WATER = 256 * 1024;
const DRAIN_POLL_MS = 10;

export interface ReplaySource {
  page: (conversationId: string, afterSeq: number, limit: number) => Promise<Message[]>;
  /** The visitor's open conversation now: one opened during the replay is replayed too. */
  openId: () => Promise<string | null>;
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
 * never the slow-consumer close). Then the visitor's open conversation, if it is not among them. `sent` records the
 * last seq sent per conversation. Resolves false when the socket closed first.
 */
export async function replayMessages(
  conn: Connection,
  source: ReplaySource,
  plan: readonly ReplayFrom[],
  sent = new Map<string, number>(),
): Promise<boolean> {
  const queue = [...plan];
  for (;;) {
    let next = queue.shift();
    if (!next) {
      // A conversation the visitor opened during the replay is replayed too.
      const open = await source.openId();
      if (open === null || sent.has(open)) return true;
      next = { conversationId: open, afterSeq: 0 };
    }
    const { conversationId } = next;
    if (!sent.has(conversationId)) sent.set(conversationId, next.afterSeq);
    for (;;) {
      if (!(await drained(conn))) return false;
      const page = await source.page(conversationId, sent.get(conversationId)!, REPLAY_PAGE);
      for (const message of page) {
        if (!conn.send({ type: 'message.created', message })) return false;
        sent.set(conversationId, message.seq);
      }
      if (page.length < REPLAY_PAGE) break;
    }
  }
}

/**
 * The replay at `hello`, then live events, so that every message reaches the socket once and in seq order, whether
 * it was stored before or during the replay. After replayMessages has caught up, live events are held, `live`
 * subscribes the socket, and every conversation is read once more to its end (a message stored before that read is
 * in it; one stored after it is published after it, so it is held); then the held events follow, without the
 * messages the replay sent. Stops (without `live`) when the socket closes.
 */
export async function replay(
  conn: Connection,
  source: ReplaySource,
  plan: readonly ReplayFrom[],
  live: () => Promise<void>,
): Promise<void> {
  const sent = new Map<string, number>();
  if (!(await replayMessages(conn, source, plan, sent))) return;
  conn.holdLive();
  try {
    await live();
    const rest = [...sent].map(([conversationId, afterSeq]) => ({ conversationId, afterSeq }));
    await replayMessages(conn, source, rest, sent);
  } finally {
    conn.releaseLive(sent);
  }
}
