-- Outbound webhooks and their outbox: one delivery row per (event, subscribed webhook), written in the same
-- transaction as the change that caused the event, then sent by the dispatcher until it succeeds or gives up.

CREATE TABLE webhooks (
  id TEXT PRIMARY KEY,
  url TEXT NOT NULL,
  events TEXT NOT NULL, -- JSON array of event names
  -- Stored in plain: signing needs the secret itself. Never returned after creation, never logged.
  secret TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at INTEGER NOT NULL
);

CREATE TABLE webhook_deliveries (
  id TEXT PRIMARY KEY, -- also the payload's id and the x-livechat-delivery header: receivers dedupe by it
  -- Deleting a webhook deletes its deliveries, so nothing of it is sent again.
  webhook_id TEXT NOT NULL REFERENCES webhooks(id) ON DELETE CASCADE,
  event TEXT NOT NULL,
  body TEXT NOT NULL, -- the exact JSON sent on every attempt
  status TEXT NOT NULL CHECK (status IN ('pending', 'succeeded', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  last_status_code INTEGER,
  last_error TEXT,
  next_attempt_at INTEGER, -- set while pending
  created_at INTEGER NOT NULL,
  delivered_at INTEGER,
  CHECK ((status = 'pending') = (next_attempt_at IS NOT NULL))
);
-- The dispatcher's reads: which webhooks have something due, then each one's oldest due deliveries.
CREATE INDEX webhook_deliveries_pending ON webhook_deliveries(webhook_id, next_attempt_at) WHERE status = 'pending';
-- The delivery log, newest first; and pruning of finished deliveries by age.
CREATE INDEX webhook_deliveries_by_webhook ON webhook_deliveries(webhook_id, created_at DESC);
CREATE INDEX webhook_deliveries_finished ON webhook_deliveries(created_at) WHERE status != 'pending';
