-- The inbox's filters. started_by_agent: an agent started the conversation from a contact ("New"), so its type is
-- "agent-started" rather than the contact's own chat or text. The other filters read columns and keys there already:
-- each is a condition on the activity-ordered read, and the contact's tags and attributes are found by their
-- primary keys (visitor_id, tag) and (visitor_id, key_norm).
ALTER TABLE conversations ADD COLUMN started_by_agent INTEGER NOT NULL DEFAULT 0;
