-- Personal saved replies: owner_id is the agent who alone sees and uses the reply; NULL for the team's. A shortcut is
-- unique among the team's replies and among each agent's own, so the table is rebuilt without its UNIQUE(shortcut).
-- An agent's replies stay with their row when they are deactivated (agents are never deleted).
CREATE TABLE saved_replies_new (
  id TEXT PRIMARY KEY,
  shortcut TEXT NOT NULL,
  body TEXT NOT NULL,
  created_by TEXT REFERENCES agents(id),
  updated_at INTEGER NOT NULL,
  owner_id TEXT REFERENCES agents(id)
);
INSERT INTO saved_replies_new (id, shortcut, body, created_by, updated_at)
  SELECT id, shortcut, body, created_by, updated_at FROM saved_replies;
DROP TABLE saved_replies;
ALTER TABLE saved_replies_new RENAME TO saved_replies;
CREATE UNIQUE INDEX saved_replies_team_shortcut ON saved_replies(shortcut) WHERE owner_id IS NULL;
CREATE UNIQUE INDEX saved_replies_personal_shortcut ON saved_replies(owner_id, shortcut) WHERE owner_id IS NOT NULL;
