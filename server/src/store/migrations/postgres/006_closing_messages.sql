-- Closing messages: what "Close chat" may send the contact last. Built-in ones carry their language (listed while the
-- site speaks it) and are added once per site (closing_messages_added); the admins' own have none (always listed).
CREATE TABLE closing_messages (
  id TEXT PRIMARY KEY,
  site_id TEXT NOT NULL REFERENCES sites(id),
  locale TEXT CHECK (locale IN ('en', 'tr', 'sl')),
  text TEXT NOT NULL,
  created_by TEXT REFERENCES agents(id),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX closing_messages_by_site ON closing_messages(site_id, created_at);

ALTER TABLE sites ADD COLUMN closing_messages_added INTEGER NOT NULL DEFAULT 0 CHECK (closing_messages_added IN (0, 1));
-- Reopening closed chats: off by default (closed is for good).
ALTER TABLE sites ADD COLUMN allow_reopen INTEGER NOT NULL DEFAULT 0 CHECK (allow_reopen IN (0, 1));

-- The timeline records reopening.
ALTER TABLE activities DROP CONSTRAINT activities_kind_check;
ALTER TABLE activities ADD CONSTRAINT activities_kind_check
  CHECK (kind IN ('note', 'assigned', 'unassigned', 'closed', 'reopened', 'lead_created', 'deal_created', 'tags_changed'));
