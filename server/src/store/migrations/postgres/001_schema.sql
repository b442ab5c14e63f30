-- The schema as SQLite's migrations 001-010 leave it, in PostgreSQL's types. Both engines run the same SQL text, so
-- the differences are only in types: epoch milliseconds are BIGINT, flags INTEGER 0/1 (as on SQLite), bytes BYTEA,
-- JSON stays TEXT (it is written and read whole). Tables read in insertion order carry `rowid`, SQLite's implicit one.
-- Text that lists are sorted by is COLLATE "C" (byte order, as SQLite sorts), whatever the database's locale.

CREATE TABLE sites (
  id TEXT PRIMARY KEY,
  key TEXT COLLATE "C" NOT NULL UNIQUE,
  name TEXT NOT NULL,
  allowed_origins TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  bot_folder_for_agents INTEGER NOT NULL DEFAULT 0 CHECK (bot_folder_for_agents IN (0, 1))
);

CREATE TABLE agents (
  id TEXT PRIMARY KEY,
  email TEXT COLLATE "C" NOT NULL UNIQUE,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'agent')),
  password_hash TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at BIGINT NOT NULL,
  available INTEGER NOT NULL DEFAULT 0 CHECK (available IN (0, 1)),
  notification_settings TEXT,
  avatar_version BIGINT
);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  agent_id TEXT NOT NULL REFERENCES agents(id) ON DELETE CASCADE,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL
);
CREATE INDEX sessions_by_agent ON sessions(agent_id);

CREATE TABLE invites (
  token_hash TEXT PRIMARY KEY,
  agent_id TEXT NOT NULL REFERENCES agents(id) ON DELETE CASCADE,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL
);
CREATE INDEX invites_by_agent ON invites(agent_id);

CREATE TABLE visitors (
  id TEXT PRIMARY KEY,
  site_id TEXT NOT NULL REFERENCES sites(id),
  token_hash TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL,
  contact_name TEXT,
  email TEXT,
  phone TEXT,
  organization TEXT
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
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  closed_at BIGINT,
  queued_at BIGINT,
  waiting_until BIGINT,
  missed_at BIGINT,
  tags TEXT NOT NULL DEFAULT '[]',
  visitor_wrote_at BIGINT
);
CREATE UNIQUE INDEX conversations_one_open_per_visitor ON conversations(visitor_id) WHERE status = 'open';
CREATE INDEX conversations_by_activity ON conversations(status, updated_at DESC, number DESC);
CREATE INDEX conversations_by_assignee ON conversations(assignee_id, status, updated_at DESC);
CREATE INDEX conversations_by_visitor ON conversations(visitor_id, created_at DESC);

CREATE TABLE counters (
  name TEXT PRIMARY KEY,
  value INTEGER NOT NULL
);
INSERT INTO counters (name, value) VALUES ('conversation_number', 0);

CREATE TABLE messages (
  id TEXT NOT NULL,
  conversation_id TEXT NOT NULL REFERENCES conversations(id),
  seq INTEGER NOT NULL,
  client_id TEXT,
  author_kind TEXT NOT NULL CHECK (author_kind IN ('visitor', 'agent', 'bot', 'system')),
  author_id TEXT,
  author_name TEXT NOT NULL,
  body TEXT NOT NULL,
  content TEXT,
  created_at BIGINT NOT NULL,
  UNIQUE (conversation_id, seq)
);
CREATE UNIQUE INDEX messages_idempotency ON messages(author_kind, author_id, client_id) WHERE client_id IS NOT NULL;

CREATE TABLE playbooks (
  site_id TEXT NOT NULL REFERENCES sites(id),
  version INTEGER NOT NULL,
  body TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  created_by TEXT REFERENCES agents(id),
  PRIMARY KEY (site_id, version)
);

CREATE TABLE playbook_runs (
  conversation_id TEXT PRIMARY KEY REFERENCES conversations(id),
  site_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  branch TEXT NOT NULL CHECK (branch IN ('main', 'offline')),
  position INTEGER NOT NULL CHECK (position >= 0),
  phase TEXT NOT NULL CHECK (phase IN ('asking', 'waiting', 'done', 'human')),
  deadline_at BIGINT,
  updated_at BIGINT NOT NULL,
  FOREIGN KEY (site_id, version) REFERENCES playbooks(site_id, version)
);
CREATE INDEX playbook_runs_by_deadline ON playbook_runs(deadline_at) WHERE deadline_at IS NOT NULL;

CREATE TABLE answers (
  conversation_id TEXT NOT NULL REFERENCES conversations(id),
  step_id TEXT NOT NULL,
  question TEXT NOT NULL,
  field TEXT NOT NULL,
  value TEXT NOT NULL,
  answered_at BIGINT NOT NULL,
  PRIMARY KEY (conversation_id, step_id)
);

CREATE TABLE conversation_details (
  conversation_id TEXT PRIMARY KEY REFERENCES conversations(id),
  deal_amount TEXT,
  deal_currency TEXT,
  expected_close_date TEXT,
  organization_address TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  updated_at BIGINT NOT NULL,
  CHECK ((deal_amount IS NULL) = (deal_currency IS NULL))
);

CREATE TABLE organizations (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  name_key TEXT NOT NULL UNIQUE,
  address TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL
);

CREATE TABLE crm_records (
  id TEXT COLLATE "C" PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('lead', 'deal')),
  title TEXT NOT NULL,
  value_amount TEXT,
  value_currency TEXT,
  expected_close_date TEXT,
  conversation_id TEXT NOT NULL REFERENCES conversations(id),
  visitor_id TEXT NOT NULL REFERENCES visitors(id),
  organization_id TEXT REFERENCES organizations(id),
  note TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL DEFAULT 'agent' CHECK (source IN ('agent', 'bot')),
  created_by TEXT REFERENCES agents(id),
  creator_name TEXT,
  created_at BIGINT NOT NULL,
  CHECK (kind = 'lead' OR (value_amount IS NOT NULL AND value_currency IS NOT NULL)),
  CHECK ((source = 'agent') = (created_by IS NOT NULL))
);
CREATE INDEX crm_records_by_conversation ON crm_records(conversation_id);
CREATE INDEX crm_records_by_time ON crm_records(created_at DESC);
CREATE UNIQUE INDEX crm_records_one_bot_lead ON crm_records(conversation_id) WHERE source = 'bot';

CREATE TABLE activities (
  rowid BIGINT GENERATED BY DEFAULT AS IDENTITY UNIQUE,
  id TEXT PRIMARY KEY,
  conversation_id TEXT NOT NULL REFERENCES conversations(id),
  kind TEXT NOT NULL CHECK (kind IN ('note', 'assigned', 'unassigned', 'closed', 'lead_created', 'deal_created', 'tags_changed')),
  actor_id TEXT REFERENCES agents(id),
  actor_name TEXT,
  text TEXT NOT NULL,
  data TEXT,
  created_at BIGINT NOT NULL
);
CREATE INDEX activities_by_conversation ON activities(conversation_id, created_at);

CREATE TABLE saved_replies (
  id TEXT PRIMARY KEY,
  shortcut TEXT COLLATE "C" NOT NULL UNIQUE,
  body TEXT NOT NULL,
  created_by TEXT REFERENCES agents(id),
  updated_at BIGINT NOT NULL
);

CREATE TABLE webhooks (
  rowid BIGINT GENERATED BY DEFAULT AS IDENTITY UNIQUE,
  id TEXT PRIMARY KEY,
  url TEXT NOT NULL,
  events TEXT NOT NULL,
  secret TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at BIGINT NOT NULL
);

CREATE TABLE webhook_deliveries (
  rowid BIGINT GENERATED BY DEFAULT AS IDENTITY UNIQUE,
  id TEXT PRIMARY KEY,
  webhook_id TEXT NOT NULL REFERENCES webhooks(id) ON DELETE CASCADE,
  event TEXT NOT NULL,
  body TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'succeeded', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  last_status_code INTEGER,
  last_error TEXT,
  next_attempt_at BIGINT,
  created_at BIGINT NOT NULL,
  delivered_at BIGINT,
  CHECK ((status = 'pending') = (next_attempt_at IS NOT NULL))
);
CREATE INDEX webhook_deliveries_pending ON webhook_deliveries(webhook_id, next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_by_webhook ON webhook_deliveries(webhook_id, created_at DESC);
CREATE INDEX webhook_deliveries_finished ON webhook_deliveries(created_at) WHERE status != 'pending';

CREATE TABLE agent_avatars (
  agent_id TEXT PRIMARY KEY REFERENCES agents(id) ON DELETE CASCADE,
  content_type TEXT NOT NULL CHECK (content_type IN ('image/png', 'image/jpeg', 'image/webp')),
  data BYTEA NOT NULL
);
