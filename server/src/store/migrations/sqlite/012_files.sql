-- Files sent in conversations. A file is uploaded first (its row, unsent: message_id null) and then carried by one
-- message.send, which sets its conversation, message and position. Unsent files are swept after a day.
CREATE TABLE files (
  id TEXT PRIMARY KEY,
  site_id TEXT NOT NULL REFERENCES sites(id),
  -- Who uploaded it ('provider': an MMS fetched from the SMS provider, for the contact); only they can send it.
  uploader_kind TEXT NOT NULL CHECK (uploader_kind IN ('visitor', 'agent', 'provider')),
  uploader_id TEXT NOT NULL,
  -- The uploader's idempotency key: the same upload sent again answers the stored file.
  upload_id TEXT NOT NULL,
  -- Set at upload for agents (they upload into a conversation); at send for visitors.
  conversation_id TEXT REFERENCES conversations(id),
  message_id TEXT,
  position INTEGER,
  name TEXT NOT NULL,
  mime TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('image', 'audio', 'video', 'file')),
  size BIGINT NOT NULL,
  voice INTEGER NOT NULL DEFAULT 0 CHECK (voice IN (0, 1)),
  created_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX files_by_upload ON files(uploader_kind, uploader_id, upload_id);
CREATE INDEX files_by_message ON files(message_id) WHERE message_id IS NOT NULL;
CREATE INDEX files_by_conversation ON files(conversation_id, created_at);
CREATE INDEX files_unsent ON files(created_at) WHERE message_id IS NULL;
CREATE INDEX files_by_site ON files(site_id);

-- Files' bytes when the database is the shared store (FILE_STORE=database, the default on PostgreSQL).
CREATE TABLE file_blobs (
  key TEXT PRIMARY KEY,
  bytes BLOB NOT NULL
);

-- A site's own file rules: the type groups it takes (JSON array; null: the default) and a cap per file.
ALTER TABLE sites ADD COLUMN file_types TEXT;
ALTER TABLE sites ADD COLUMN max_file_bytes BIGINT;

-- Secrets every node must share, made once by whichever node asks first (the key that signs file URLs).
CREATE TABLE install_secrets (
  name TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
