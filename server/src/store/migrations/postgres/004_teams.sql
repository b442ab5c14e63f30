-- Teams (work groups): admins name them and put agents in them. A name is unique ignoring case: name_key is the
-- name as the store compares it (lowercased), so both engines refuse the same duplicates.
CREATE TABLE teams (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  name_key TEXT NOT NULL UNIQUE,
  created_at BIGINT NOT NULL
);

CREATE TABLE team_members (
  team_id TEXT NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
  agent_id TEXT NOT NULL REFERENCES agents(id),
  PRIMARY KEY (team_id, agent_id)
);
-- An agent's teams (what they will see and be routed).
CREATE INDEX team_members_by_agent ON team_members(agent_id);
