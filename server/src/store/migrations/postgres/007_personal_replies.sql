-- Personal saved replies: owner_id is the agent who alone sees and uses the reply; NULL for the team's. A shortcut is
-- unique among the team's replies and among each agent's own. An agent's replies stay with their row when they are
-- deactivated (agents are never deleted).
ALTER TABLE saved_replies ADD COLUMN owner_id TEXT REFERENCES agents(id);
ALTER TABLE saved_replies DROP CONSTRAINT saved_replies_shortcut_key;
CREATE UNIQUE INDEX saved_replies_team_shortcut ON saved_replies(shortcut) WHERE owner_id IS NULL;
CREATE UNIQUE INDEX saved_replies_personal_shortcut ON saved_replies(owner_id, shortcut) WHERE owner_id IS NOT NULL;
