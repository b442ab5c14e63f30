import type { Attachment, AuthorKind, DeliveryStatus, Message, MessageContent } from '@livechat/shared/model';
import type { MessageStore } from '../domain/store.js';
import { toAttachment } from '../domain/media/attachment.js';
import { sentFilesOf } from './files.js';
import type { Sql } from './sql/sql.js';
import { writer } from './write.js';

interface MessageRow {
  id: string;
  conversation_id: string;
  seq: number;
  client_id: string | null;
  author_kind: AuthorKind;
  author_id: string | null;
  author_name: string;
  body: string;
  content: string | null;
  created_at: number;
  /** From the text's row (sms_messages), on outbound texts. */
  delivery_status: DeliveryStatus | null;
  delivery_error: string | null;
}

const toMessage = (r: MessageRow): Message => ({
  id: r.id,
  conversationId: r.conversation_id,
  seq: r.seq,
  clientId: r.client_id,
  author: { kind: r.author_kind, id: r.author_id, name: r.author_name },
  body: r.body,
  // Written only from a MessageContent the domain built, so it is trusted as that type.
  ...(r.content !== null && { content: JSON.parse(r.content) as MessageContent }),
  createdAt: r.created_at,
  ...(r.delivery_status !== null && {
    delivery: { status: r.delivery_status, error: r.delivery_error },
  }),
});

/** A message with its SMS delivery, if it is an outbound text (one primary-key probe per row). */
const SELECT = `SELECT m.*, s.status AS delivery_status, s.error AS delivery_error
  FROM messages m LEFT JOIN sms_messages s ON s.message_id = m.id`;

const INSERT = `INSERT INTO messages
    (id, conversation_id, seq, client_id, author_kind, author_id, author_name, body, content, created_at)
  VALUES (@id, @conversationId, @seq, @clientId, @kind, @authorId, @name, @body, @content, @createdAt)`;
// Two statements, not `author_id IS ?` (SQLite only): each reads the idempotency index on both engines.
const BY_CLIENT_ID = `${SELECT} WHERE m.author_kind = ? AND m.author_id = ? AND m.client_id = ?`;
const BY_CLIENT_ID_NO_AUTHOR = `${SELECT} WHERE m.author_kind = ? AND m.author_id IS NULL AND m.client_id = ?`;
/** Agents' and the bot's messages in the visitor's open web chat after their last hello (visitors.last_seen_at). */
const TEAM_SINCE_VISITOR_CONNECTED = `SELECT COUNT(*) FROM messages m
  JOIN conversations c ON c.id = m.conversation_id JOIN visitors v ON v.id = c.visitor_id
  WHERE c.visitor_id = ? AND c.channel = 'web' AND c.status = 'open'
    AND m.author_kind IN ('agent', 'bot') AND m.created_at > v.last_seen_at`;

/**
 * `fileUrl` signs a file's URL for whoever reads the message now (URLs expire, so they are made at every read, not
 * stored).
 */
export function createMessageStore(sql: Sql, fileUrl: (id: string) => string): MessageStore {
  const write = writer(sql);
  /** The messages, with the files each carries (one query for them all). */
  async function withFiles(rows: MessageRow[]): Promise<Message[]> {
    const messages = rows.map(toMessage);
    if (messages.length === 0) return messages;
    const files = await sentFilesOf(
      sql,
      messages.map((m) => m.id),
    );
    if (files.length === 0) return messages;
    const byMessage = new Map<string, Attachment[]>();
    for (const file of files) {
      const list = byMessage.get(file.messageId!) ?? [];
      list.push(toAttachment(file, fileUrl));
      byMessage.set(file.messageId!, list);
    }
    return messages.map((m) => (byMessage.has(m.id) ? { ...m, attachments: byMessage.get(m.id)! } : m));
  }
  const one = async (row: MessageRow | undefined) => (row ? (await withFiles([row]))[0]! : null);
  return {
    insert: (m) =>
      write(INSERT, {
        id: m.id,
        conversationId: m.conversationId,
        seq: m.seq,
        clientId: m.clientId,
        kind: m.author.kind,
        authorId: m.author.id,
        name: m.author.name,
        body: m.body,
        content: m.content ? JSON.stringify(m.content) : null,
        createdAt: m.createdAt,
      }),
    async byClientId(kind, authorId, clientId) {
      const row = await (authorId === null
        ? sql.get<MessageRow>(BY_CLIENT_ID_NO_AUTHOR, [kind, clientId])
        : sql.get<MessageRow>(BY_CLIENT_ID, [kind, authorId, clientId]));
      return one(row);
    },
    after: async (conversationId, afterSeq, limit) =>
      withFiles(
        await sql.all<MessageRow>(
          `${SELECT} WHERE m.conversation_id = ? AND m.seq > ? ORDER BY m.seq LIMIT ?`,
          [conversationId, afterSeq, limit],
        ),
      ),
    teamSinceVisitorConnected: async (visitorId) =>
      Number((await sql.value<number | string>(TEAM_SINCE_VISITOR_CONNECTED, [visitorId])) ?? 0),
    async byId(conversationId, id) {
      const row = await sql.get<MessageRow>(`${SELECT} WHERE m.conversation_id = ? AND m.id = ?`, [
        conversationId,
        id,
      ]);
      return one(row);
    },
  };
}
