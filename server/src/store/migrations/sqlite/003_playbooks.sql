-- Playbooks, their runs, lead data and agent availability.

-- Every save is a new version; a conversation's run keeps the version it started with.
CREATE TABLE playbooks (
  site_id TEXT NOT NULL REFERENCES sites(id),
  version INTEGER NOT NULL,
  body TEXT NOT NULL, -- JSON, checked by PlaybookSchema before it is written
  created_at INTEGER NOT NULL,
  created_by TEXT REFERENCES agents(id),
  PRIMARY KEY (site_id, version)
) WITHOUT ROWID;

-- Where the bot is in a conversation. deadline_at is the pending wait timer: stored, so a restart re-arms it.
CREATE TABLE playbook_runs (
  conversation_id TEXT PRIMARY KEY REFERENCES conversations(id),
  site_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  branch TEXT NOT NULL CHECK (branch IN ('main', 'offline')),
  position INTEGER NOT NULL CHECK (position >= 0),
  phase TEXT NOT NULL CHECK (phase IN ('asking', 'waiting', 'done', 'human')),
  deadline_at INTEGER,
  updated_at INTEGER NOT NULL,
  FOREIGN KEY (site_id, version) REFERENCES playbooks(site_id, version)
);
CREATE INDEX playbook_runs_by_deadline ON playbook_runs(deadline_at) WHERE deadline_at IS NOT NULL;

-- Answers to the playbook's questions, one per question per conversation.
CREATE TABLE answers (
  conversation_id TEXT NOT NULL REFERENCES conversations(id),
  step_id TEXT NOT NULL,
  question TEXT NOT NULL,
  field TEXT NOT NULL,
  value TEXT NOT NULL,
  answered_at INTEGER NOT NULL,
  PRIMARY KEY (conversation_id, step_id)
) WITHOUT ROWID;

-- The visitor is the contact: what the playbook captured about them.
ALTER TABLE visitors ADD COLUMN contact_name TEXT;
ALTER TABLE visitors ADD COLUMN email TEXT;
ALTER TABLE visitors ADD COLUMN phone TEXT;
ALTER TABLE visitors ADD COLUMN organization TEXT;

-- queued_at: reached the agents' inbox; waiting_until: the visitor waits for an agent; missed_at: the offline flow ran.
ALTER TABLE conversations ADD COLUMN queued_at INTEGER;
ALTER TABLE conversations ADD COLUMN waiting_until INTEGER;
ALTER TABLE conversations ADD COLUMN missed_at INTEGER;
-- Before playbooks every conversation was in the inbox from its first message: keep them there.
UPDATE conversations SET queued_at = created_at;

-- Messages gain the `bot` author and rich content (JSON, MessageContentSchema; NULL for plain messages). SQLite
-- cannot change a CHECK constraint in place, so the table is rebuilt (inside this migration's transaction).
CREATE TABLE messages_new (
  id TEXT NOT NULL,
  conversation_id TEXT NOT NULL REFERENCES conversations(id),
  seq INTEGER NOT NULL,
  client_id TEXT,
  author_kind TEXT NOT NULL CHECK (author_kind IN ('visitor', 'agent', 'bot', 'system')),
  author_id TEXT,
  author_name TEXT NOT NULL,
  body TEXT NOT NULL,
  content TEXT,
  created_at INTEGER NOT NULL,
  UNIQUE (conversation_id, seq)
);
INSERT INTO messages_new (id, conversation_id, seq, client_id, author_kind, author_id, author_name, body, created_at)
  SELECT id, conversation_id, seq, client_id, author_kind, author_id, author_name, body, created_at FROM messages;
DROP TABLE messages;
ALTER TABLE messages_new RENAME TO messages;
CREATE UNIQUE INDEX messages_idempotency ON messages(author_kind, author_id, client_id) WHERE client_id IS NOT NULL;

-- The agent's "Available" switch; whether they are connected lives in memory.
ALTER TABLE agents ADD COLUMN available INTEGER NOT NULL DEFAULT 0 CHECK (available IN (0, 1));
