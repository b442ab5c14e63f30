-- Conversation numbers come from a counter row, not MAX(number) + 1: on PostgreSQL two nodes creating conversations
-- at once would both read the same MAX; the counter's row lock orders them. One rule for both engines.
CREATE TABLE counters (
  name TEXT PRIMARY KEY,
  value INTEGER NOT NULL
);
INSERT INTO counters (name, value) SELECT 'conversation_number', COALESCE(MAX(number), 0) FROM conversations;
