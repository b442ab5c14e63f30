import type { AuthorKind, Message, MessageContent } from '@livechat/shared/model';
import type { Database } from './database.js';

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
});

export function createMessageStore(db: Database) {
  const insert = db.prepare(
    `INSERT INTO messages (id, conversation_id, seq, client_id, author_kind, author_id, author_name, body, content, created_at)
     VALUES (@id, @conversationId, @seq, @clientId, @kind, @authorId, @name, @body, @content, @createdAt)`,
  );
  const byClientId = db.prepare<[string, string | null, string], MessageRow>(
    'SELECT * FROM messages WHERE author_kind = ? AND author_id IS ? AND client_id = ?',
  );
  const after = db.prepare<[string, number, number], MessageRow>(
    'SELECT * FROM messages WHERE conversation_id = ? AND seq > ? ORDER BY seq LIMIT ?',
  );
  return {
    insert: (m: Message) =>
      void insert.run({
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
    /** The message an author already sent with this command id, if any (idempotent resend). */
    byClientId: (kind: AuthorKind, authorId: string | null, clientId: string) => {
      const row = byClientId.get(kind, authorId, clientId);
      return row ? toMessage(row) : null;
    },
    after: (conversationId: string, afterSeq: number, limit: number) =>
      after.all(conversationId, afterSeq, limit).map(toMessage),
  };
}
export type MessageStore = ReturnType<typeof createMessageStore>;
