-- Invite links for agents added without a password (their password_hash is '' until they accept).
-- Only a hash of the token is stored, like sessions.
CREATE TABLE invites (
  token_hash TEXT PRIMARY KEY,
  agent_id TEXT NOT NULL REFERENCES agents(id) ON DELETE CASCADE,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE INDEX invites_by_agent ON invites(agent_id);
