-- Agents' pictures, set on their Profile page. The bytes live apart from `agents`, so sign-in and the session check
-- of every request never read them; `avatar_version` (null: no picture) goes into the picture's URL so caches refresh.
CREATE TABLE agent_avatars (
  agent_id TEXT PRIMARY KEY REFERENCES agents(id) ON DELETE CASCADE,
  content_type TEXT NOT NULL CHECK (content_type IN ('image/png', 'image/jpeg', 'image/webp')),
  data BLOB NOT NULL
);
ALTER TABLE agents ADD COLUMN avatar_version INTEGER;
