-- Sites embed the widget; a site key is public, the allowed origins are what protect it.
CREATE TABLE sites (
  id TEXT PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  allowed_origins TEXT NOT NULL, -- JSON array of origins
  created_at INTEGER NOT NULL
);

CREATE TABLE agents (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'agent')),
  password_hash TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at INTEGER NOT NULL
);

-- Only a hash of the session token is stored, so a leaked database does not leak sessions.
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  agent_id TEXT NOT NULL REFERENCES agents(id) ON DELETE CASCADE,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE INDEX sessions_by_agent ON sessions(agent_id);

CREATE TABLE visitors (
  id TEXT PRIMARY KEY,
  site_id TEXT NOT NULL REFERENCES sites(id),
  token_hash TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL
);

CREATE TABLE conversations (
  id TEXT PRIMARY KEY,
  number INTEGER NOT NULL UNIQUE,
  site_id TEXT NOT NULL REFERENCES sites(id),
  visitor_id TEXT NOT NULL REFERENCES visitors(id),
  channel TEXT NOT NULL DEFAULT 'web',
  status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
  assignee_id TEXT REFERENCES agents(id),
  last_seq INTEGER NOT NULL DEFAULT 0,
  last_message_preview TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  closed_at INTEGER
);
-- A visitor has at most one open conversation.
CREATE UNIQUE INDEX conversations_one_open_per_visitor ON conversations(visitor_id) WHERE status = 'open';
-- The inbox order (newest activity, then number) read straight from the index, so LIMIT needs no sort.
CREATE INDEX conversations_by_activity ON conversations(status, updated_at DESC, number DESC);

-- Few b-trees per message insert: the table, (conversation_id, seq) and the idempotency key. Nothing looks a message
-- up by `id` (reads go by conversation and seq, resends by client id), so `id`, a server-made random UUID unique by
-- construction, has no index of its own.
CREATE TABLE messages (
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
-- The client's command id is the idempotency key, per author.
CREATE UNIQUE INDEX messages_idempotency ON messages(author_kind, author_id, client_id) WHERE client_id IS NOT NULL;
