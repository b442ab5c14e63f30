-- SMS: a contact can have an open conversation per channel (the widget's and the texts'), not one in all.
DROP INDEX conversations_one_open_per_visitor;
CREATE UNIQUE INDEX conversations_one_open_per_channel ON conversations(visitor_id, channel) WHERE status = 'open';

-- The address an SMS contact texts from: E.164, or a short code or sender ID exactly as the provider gave it.
ALTER TABLE visitors ADD COLUMN sms_address TEXT;
-- When they texted STOP (null: they may be texted).
ALTER TABLE visitors ADD COLUMN sms_opted_out_at BIGINT;
CREATE UNIQUE INDEX visitors_by_sms_address ON visitors(site_id, sms_address) WHERE sms_address IS NOT NULL;

-- The provider account entered on the settings page (TWILIO_* variables take precedence). One per install.
CREATE TABLE sms_account (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  account_sid TEXT NOT NULL,
  auth_token TEXT NOT NULL,
  api_base_url TEXT NOT NULL,
  updated_at BIGINT NOT NULL,
  -- Troubleshooting: the last webhook the provider sent, and whether its signature verified.
  last_webhook_at BIGINT,
  last_webhook_valid INTEGER,
  last_webhook_kind TEXT
);

-- A site's number. A number belongs to one site: inbound texts find their site by it.
CREATE TABLE sms_settings (
  site_id TEXT PRIMARY KEY REFERENCES sites(id),
  number TEXT UNIQUE,
  enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
  help_text TEXT,
  last_inbound_at BIGINT,
  updated_at BIGINT NOT NULL
);

-- Every text sent or received, beside its message. Outbound rows are the outbox: `outbox` pending until the provider
-- took the text (done) or refused it for good (failed); `first_attempt_at` set means an attempt may have reached the
-- provider, so a retry first asks the provider whether it has the text (never sent twice).
CREATE TABLE sms_messages (
  message_id TEXT PRIMARY KEY,
  conversation_id TEXT NOT NULL REFERENCES conversations(id),
  site_id TEXT NOT NULL REFERENCES sites(id),
  direction TEXT NOT NULL CHECK (direction IN ('inbound', 'outbound')),
  provider_id TEXT UNIQUE,
  from_address TEXT NOT NULL,
  to_address TEXT NOT NULL,
  body TEXT NOT NULL,
  status TEXT CHECK (status IN ('queued', 'sent', 'delivered', 'undelivered', 'failed')),
  error TEXT,
  outbox TEXT CHECK (outbox IN ('pending', 'done', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at BIGINT,
  first_attempt_at BIGINT,
  created_at BIGINT NOT NULL
);
CREATE INDEX sms_messages_due ON sms_messages(next_attempt_at) WHERE outbox = 'pending';
CREATE INDEX sms_messages_by_route ON sms_messages(to_address, from_address) WHERE direction = 'outbound';

-- A delivery report that arrived before the send's answer was recorded (Twilio can be that quick): applied when the
-- text's id is recorded. Reports of texts that are not ours (another app on the account) are dropped after a day.
CREATE TABLE sms_early_reports (
  provider_id TEXT PRIMARY KEY,
  status TEXT NOT NULL CHECK (status IN ('queued', 'sent', 'delivered', 'undelivered', 'failed')),
  error TEXT,
  received_at BIGINT NOT NULL
);
