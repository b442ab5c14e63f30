-- The dashboard's language each agent chose on their Profile page (NULL: their browser's), and the visitor's language
-- each playbook run speaks (NULL: the site's default), so the bot's later texts (after a wait, on another node) match.
ALTER TABLE agents ADD COLUMN language TEXT;
ALTER TABLE playbook_runs ADD COLUMN locale TEXT;
