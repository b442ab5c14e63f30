-- The inbox: tags, the side panel, organizations, leads and deals, the agents-only timeline, saved replies and
-- notification settings.

ALTER TABLE conversations ADD COLUMN tags TEXT NOT NULL DEFAULT '[]'; -- JSON array of lowercase tags
-- "My chats" and the assignee filter read by assignee; folders by status, newest activity first.
CREATE INDEX conversations_by_assignee ON conversations(assignee_id, status, updated_at DESC);
CREATE INDEX conversations_by_visitor ON conversations(visitor_id, created_at DESC);

-- The conversation's part of the side panel; the contact's part lives on the visitor.
CREATE TABLE conversation_details (
  conversation_id TEXT PRIMARY KEY REFERENCES conversations(id),
  deal_amount TEXT, -- decimal string, e.g. "1250.50"
  deal_currency TEXT,
  expected_close_date TEXT, -- YYYY-MM-DD
  organization_address TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  updated_at INTEGER NOT NULL,
  CHECK ((deal_amount IS NULL) = (deal_currency IS NULL))
) WITHOUT ROWID;

-- Found again by name (case-insensitively) when a later lead or deal names the same organization.
CREATE TABLE organizations (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  name_key TEXT NOT NULL UNIQUE,
  address TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL
);

-- Leads and deals, linked to the conversation, the contact (visitor) and the organization. A deal has a value.
CREATE TABLE crm_records (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('lead', 'deal')),
  title TEXT NOT NULL,
  value_amount TEXT,
  value_currency TEXT,
  expected_close_date TEXT,
  conversation_id TEXT NOT NULL REFERENCES conversations(id),
  visitor_id TEXT NOT NULL REFERENCES visitors(id),
  organization_id TEXT REFERENCES organizations(id),
  note TEXT NOT NULL DEFAULT '',
  created_by TEXT NOT NULL REFERENCES agents(id),
  created_at INTEGER NOT NULL,
  CHECK (kind = 'lead' OR (value_amount IS NOT NULL AND value_currency IS NOT NULL))
);
CREATE INDEX crm_records_by_conversation ON crm_records(conversation_id);
CREATE INDEX crm_records_by_time ON crm_records(created_at DESC);

-- The agents-only timeline: notes and what happened (assigned, closed, lead created…). Never sent to visitors.
CREATE TABLE activities (
  id TEXT PRIMARY KEY,
  conversation_id TEXT NOT NULL REFERENCES conversations(id),
  kind TEXT NOT NULL CHECK (kind IN ('note', 'assigned', 'unassigned', 'closed', 'lead_created', 'deal_created', 'tags_changed')),
  actor_id TEXT REFERENCES agents(id),
  actor_name TEXT,
  text TEXT NOT NULL,
  data TEXT, -- JSON
  created_at INTEGER NOT NULL
);
CREATE INDEX activities_by_conversation ON activities(conversation_id, created_at);

CREATE TABLE saved_replies (
  id TEXT PRIMARY KEY,
  shortcut TEXT NOT NULL UNIQUE,
  body TEXT NOT NULL,
  created_by TEXT REFERENCES agents(id),
  updated_at INTEGER NOT NULL
);

-- JSON NotificationSettings; NULL means the defaults.
ALTER TABLE agents ADD COLUMN notification_settings TEXT;
