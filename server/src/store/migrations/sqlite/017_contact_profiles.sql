-- Contacts as the CRM view of a person: custom attributes, tags and notes of a contact (a visitor row), kept for
-- every conversation of theirs; and an audit log of what admins did to contacts that outlives the contact.

-- "Plan" = "Pro". A key is unique per contact ignoring case: key_norm is the key as the store compares it.
CREATE TABLE contact_attributes (
  visitor_id TEXT NOT NULL REFERENCES visitors(id),
  key TEXT NOT NULL,
  key_norm TEXT NOT NULL,
  value TEXT NOT NULL,
  -- The order agents gave them.
  position INTEGER NOT NULL,
  PRIMARY KEY (visitor_id, key_norm)
);

CREATE TABLE contact_tags (
  visitor_id TEXT NOT NULL REFERENCES visitors(id),
  tag TEXT NOT NULL,
  PRIMARY KEY (visitor_id, tag)
);
-- Contacts with a tag (the filters).
CREATE INDEX contact_tags_by_tag ON contact_tags(tag);

-- Notes about the person, shown beside every conversation of theirs.
CREATE TABLE contact_notes (
  id TEXT PRIMARY KEY,
  visitor_id TEXT NOT NULL REFERENCES visitors(id),
  author_id TEXT NOT NULL REFERENCES agents(id),
  author_name TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX contact_notes_by_contact ON contact_notes(visitor_id, created_at);

-- What admins did to contacts (a deletion): who, when, which contact id and how much went. No personal data of the
-- contact beyond their id, so a deletion's entry may outlive them; nothing references visitors (the row is gone).
CREATE TABLE contact_audit (
  id TEXT PRIMARY KEY,
  action TEXT NOT NULL CHECK (action IN ('contact_deleted')),
  actor_id TEXT NOT NULL REFERENCES agents(id),
  actor_name TEXT NOT NULL,
  contact_id TEXT NOT NULL,
  conversations INTEGER NOT NULL,
  messages INTEGER NOT NULL,
  files INTEGER NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX contact_audit_by_time ON contact_audit(created_at DESC);

-- Merging two contacts records a timeline entry of its own kind. The kinds are the shared ActivityKindSchema's:
-- a CHECK listing them would need this table rebuilt for every new kind (SQLite cannot alter a CHECK), so the
-- rebuild below drops it. The rowid is copied: it orders entries of the same millisecond.
CREATE TABLE activities_new (
  id TEXT PRIMARY KEY,
  conversation_id TEXT NOT NULL REFERENCES conversations(id),
  kind TEXT NOT NULL,
  actor_id TEXT REFERENCES agents(id),
  actor_name TEXT,
  text TEXT NOT NULL,
  data TEXT, -- JSON
  created_at INTEGER NOT NULL
);
INSERT INTO activities_new (rowid, id, conversation_id, kind, actor_id, actor_name, text, data, created_at)
  SELECT rowid, id, conversation_id, kind, actor_id, actor_name, text, data, created_at FROM activities;
DROP TABLE activities;
ALTER TABLE activities_new RENAME TO activities;
CREATE INDEX activities_by_conversation ON activities(conversation_id, created_at);
