import type { Conversation, ConversationStatus } from '@livechat/shared/model';
import type { Database } from './database.js';

interface ConversationRow {
  id: string;
  number: number;
  site_id: string;
  visitor_id: string;
  visitor_name: string;
  channel: 'web';
  status: ConversationStatus;
  assignee_id: string | null;
  last_seq: number;
  last_message_preview: string | null;
  created_at: number;
  updated_at: number;
  closed_at: number | null;
}

const toConversation = (r: ConversationRow): Conversation => ({
  id: r.id,
  number: r.number,
  siteId: r.site_id,
  visitorId: r.visitor_id,
  visitorName: r.visitor_name,
  channel: r.channel,
  status: r.status,
  assigneeId: r.assignee_id,
  lastSeq: r.last_seq,
  lastMessagePreview: r.last_message_preview,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  closedAt: r.closed_at,
});

const SELECT = 'SELECT c.*, v.name AS visitor_name FROM conversations c JOIN visitors v ON v.id = c.visitor_id';

export function createConversationStore(db: Database) {
  const byId = db.prepare<[string], ConversationRow>(`${SELECT} WHERE c.id = ?`);
  const openForVisitor = db.prepare<[string], ConversationRow>(`${SELECT} WHERE c.visitor_id = ? AND c.status = 'open'`);
  const list = db.prepare<{ status: string | null; limit: number }, ConversationRow>(
    `${SELECT} WHERE (@status IS NULL OR c.status = @status) ORDER BY c.updated_at DESC, c.number DESC LIMIT @limit`,
  );
  const nextNumber = db.prepare('SELECT COALESCE(MAX(number), 0) + 1 FROM conversations').pluck();
  const insert = db.prepare(
    `INSERT INTO conversations (id, number, site_id, visitor_id, channel, status, created_at, updated_at)
     VALUES (@id, @number, @siteId, @visitorId, 'web', 'open', @now, @now)`,
  );
  // Takes the next seq and records the preview in one statement; callers run it inside the message transaction.
  const advance = db.prepare<{ id: string; now: number; preview: string }, { last_seq: number }>(
    'UPDATE conversations SET last_seq = last_seq + 1, updated_at = @now, last_message_preview = @preview WHERE id = @id RETURNING last_seq',
  );
  return {
    byId: (id: string) => {
      const row = byId.get(id);
      return row ? toConversation(row) : null;
    },
    openForVisitor: (visitorId: string) => {
      const row = openForVisitor.get(visitorId);
      return row ? toConversation(row) : null;
    },
    list: (status: ConversationStatus | null, limit = 500) => list.all({ status, limit }).map(toConversation),
    /** Creates an open conversation with the next free number. Call inside a transaction. */
    create: (c: { id: string; siteId: string; visitorId: string; now: number }) => {
      const number = nextNumber.get() as number;
      insert.run({ ...c, number });
    },
    /** Reserves the next gap-free seq. Call inside the transaction that inserts the message. */
    nextSeq: (id: string, now: number, preview: string) => {
      const row = advance.get({ id, now, preview });
      if (!row) throw new Error(`conversation ${id} vanished`);
      return row.last_seq;
    },
  };
}
export type ConversationStore = ReturnType<typeof createConversationStore>;
