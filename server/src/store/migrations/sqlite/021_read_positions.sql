-- Seen receipts and unread: how far each reader has read each conversation, one row per reader (not per message).
-- `reader`: 'visitor', 'team' (the furthest any agent ever read: the visitor's "Seen", which "Mark as unread" does
-- not take back) or 'agent:<id>' (that agent's own position, for their unread counts). Moves forward only, except an
-- agent's "Mark as unread". Typing is never stored.
CREATE TABLE read_positions (
  conversation_id TEXT NOT NULL REFERENCES conversations(id),
  reader TEXT NOT NULL,
  seq INTEGER NOT NULL,
  read_at INTEGER NOT NULL,
  PRIMARY KEY (conversation_id, reader)
);
-- A site lets agents see what the visitor is typing (its widget's privacy note says so).
ALTER TABLE sites ADD COLUMN typing_preview INTEGER NOT NULL DEFAULT 0 CHECK (typing_preview IN (0, 1));
