-- When the visitor first wrote in the conversation; NULL while they have only opened the chat (the bot greets on
-- open). The Bot folder lists only bot-only conversations the visitor wrote in.
ALTER TABLE conversations ADD COLUMN visitor_wrote_at INTEGER;
UPDATE conversations SET visitor_wrote_at = (
  SELECT MIN(m.created_at) FROM messages m WHERE m.conversation_id = conversations.id AND m.author_kind = 'visitor'
);
