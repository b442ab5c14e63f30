-- Whether agents (not only admins) see the site's Bot folder: conversations only the bot has handled.
ALTER TABLE sites ADD COLUMN bot_folder_for_agents INTEGER NOT NULL DEFAULT 0 CHECK (bot_folder_for_agents IN (0, 1));

-- Leads the chatbot's offline flow captures: no agent created them, so created_by becomes optional and `source`
-- says who did. At most one bot lead per conversation, whatever replays or re-runs the capture.
CREATE TABLE crm_records_new (
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
  source TEXT NOT NULL DEFAULT 'agent' CHECK (source IN ('agent', 'bot')),
  created_by TEXT REFERENCES agents(id),
  -- The bot's name for records the bot created.
  creator_name TEXT,
  created_at INTEGER NOT NULL,
  CHECK (kind = 'lead' OR (value_amount IS NOT NULL AND value_currency IS NOT NULL)),
  CHECK ((source = 'agent') = (created_by IS NOT NULL))
);
INSERT INTO crm_records_new (id, kind, title, value_amount, value_currency, expected_close_date, conversation_id,
    visitor_id, organization_id, note, source, created_by, creator_name, created_at)
  SELECT id, kind, title, value_amount, value_currency, expected_close_date, conversation_id,
    visitor_id, organization_id, note, 'agent', created_by, NULL, created_at
  FROM crm_records;
DROP TABLE crm_records;
ALTER TABLE crm_records_new RENAME TO crm_records;
CREATE INDEX crm_records_by_conversation ON crm_records(conversation_id);
CREATE INDEX crm_records_by_time ON crm_records(created_at DESC);
CREATE UNIQUE INDEX crm_records_one_bot_lead ON crm_records(conversation_id) WHERE source = 'bot';
