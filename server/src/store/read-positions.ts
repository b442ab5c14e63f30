// Read positions (seen receipts, unread counts): one row per reader per conversation, upserted forward only.
import type {
  ReadPosition,
  ReadPositionStore,
  Reader,
  UnreadConversation,
} from '../domain/receipts/read-position-store.js';
import { VISIBLE_TO_VIEWER } from './conversations.js';
import type { Sql } from './sql/sql.js';

interface PositionRow {
  conversation_id: string;
  reader: Reader;
  seq: number | string;
  read_at: number | string;
}

const toPosition = (r: PositionRow): ReadPosition => ({
  conversationId: r.conversation_id,
  reader: r.reader,
  seq: Number(r.seq),
  readAt: Number(r.read_at),
});

/** Both engines take ON CONFLICT … DO UPDATE … WHERE: a position that is not further changes no row. */
const ADVANCE = `INSERT INTO read_positions (conversation_id, reader, seq, read_at) VALUES (@id, @reader, @seq, @at)
  ON CONFLICT (conversation_id, reader) DO UPDATE SET seq = excluded.seq, read_at = excluded.read_at
  WHERE read_positions.seq < excluded.seq`;
const SET = `INSERT INTO read_positions (conversation_id, reader, seq, read_at) VALUES (@id, @reader, @seq, @at)
  ON CONFLICT (conversation_id, reader) DO UPDATE SET seq = excluded.seq, read_at = excluded.read_at`;

/**
 * Open conversations the viewer may see (the inbox's own rule) whose contact wrote past the reader's position. Other
 * agents' and the bot's messages never count. Closed chats are done with: they carry no unread.
 */
const UNREAD = `SELECT * FROM (
    SELECT c.id, c.status, c.assignee_id, c.team_id, c.queued_at, c.visitor_wrote_at,
      (SELECT COUNT(*) FROM messages m WHERE m.conversation_id = c.id AND m.author_kind = 'visitor'
        AND m.seq > COALESCE((SELECT r.seq FROM read_positions r
          WHERE r.conversation_id = c.id AND r.reader = @reader), 0)) AS unread
    FROM conversations c
    WHERE c.status = 'open' AND c.visitor_wrote_at IS NOT NULL AND ${VISIBLE_TO_VIEWER}
  ) u WHERE u.unread > 0`;

interface UnreadRow {
  id: string;
  status: 'open' | 'closed';
  assignee_id: string | null;
  team_id: string | null;
  queued_at: number | string | null;
  visitor_wrote_at: number | string | null;
  unread: number | string;
}

const orNull = (v: number | string | null) => (v === null ? null : Number(v));

export function createReadPositionStore(sql: Sql): ReadPositionStore {
  const params = (p: ReadPosition) => ({ id: p.conversationId, reader: p.reader, seq: p.seq, at: p.readAt });
  return {
    advance: async (p) => (await sql.run(ADVANCE, params(p))) > 0,
    set: async (p) => {
      await sql.run(SET, params(p));
    },
    of: async (conversationId) =>
      (
        await sql.all<PositionRow>('SELECT * FROM read_positions WHERE conversation_id = ? ORDER BY reader', [
          conversationId,
        ])
      ).map(toPosition),
    teamOf: async (ids) => {
      if (ids.length === 0) return [];
      const marks = ids.map(() => '?').join(', ');
      const rows = await sql.all<PositionRow>(
        `SELECT * FROM read_positions WHERE reader = 'team' AND conversation_id IN (${marks})`,
        [...ids],
      );
      return rows.map(toPosition);
    },
    unread: async (viewer, reader): Promise<UnreadConversation[]> =>
      (await sql.all<UnreadRow>(UNREAD, { me: viewer.agentId, admin: viewer.admin ? 1 : 0, reader })).map(
        (r) => ({
          id: r.id,
          status: r.status,
          assigneeId: r.assignee_id,
          teamId: r.team_id,
          queuedAt: orNull(r.queued_at),
          visitorWroteAt: orNull(r.visitor_wrote_at),
          unread: Number(r.unread),
        }),
      ),
    lastContactSeq: async (conversationId) =>
      Number(
        (await sql.value<number | string>(
          "SELECT MAX(seq) FROM messages WHERE conversation_id = ? AND author_kind = 'visitor'",
          [conversationId],
        )) ?? 0,
      ),
  };
}
