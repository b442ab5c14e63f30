-- Fewer b-trees written per message. Every insert used to touch four: the table, a unique index on the random
-- UUID `id`, (conversation_id, seq) and the idempotency key. Nothing looks a message up by `id` (reads go by
-- conversation and seq, resends by client id), so `id` loses its index: it stays a server-made random UUID, unique
-- by construction. Integrity that matters keeps its constraint: gap-free seq per conversation, one row per command.
CREATE TABLE messages_v2 (
  id TEXT NOT NULL,
  conversation_id TEXT NOT NULL REFERENCES conversations(id),
  seq INTEGER NOT NULL,
  client_id TEXT,
  author_kind TEXT NOT NULL CHECK (author_kind IN ('visitor', 'agent', 'system')),
  author_id TEXT,
  author_name TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  UNIQUE (conversation_id, seq)
);
INSERT INTO messages_v2 (id, conversation_id, seq, client_id, author_kind, author_id, author_name, body, created_at)
  SELECT id, conversation_id, seq, client_id, author_kind, author_id, author_name, body, created_at FROM messages ORDER BY rowid;
DROP TABLE messages;
ALTER TABLE messages_v2 RENAME TO messages;
CREATE UNIQUE INDEX messages_idempotency ON messages(author_kind, author_id, client_id) WHERE client_id IS NOT NULL;

-- The inbox order (newest activity, then number) read straight from the index, so LIMIT needs no sort.
DROP INDEX conversations_by_updated;
CREATE INDEX conversations_by_activity ON conversations(status, updated_at DESC, number DESC);
