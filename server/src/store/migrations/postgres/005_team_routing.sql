-- Team routing. A conversation handed to a team waits in that team's queue (team_id, no assignee), where the team's
-- members see it. A team may assign its queue automatically, round-robin among its available members, each holding
-- at most max_open_chats open chats. The round: each assignment takes the team's next turn (a counter, not a clock:
-- chats that arrive in the same millisecond still go round), and a member's last_turn is when it was last theirs. returning_contacts gives a contact's new
-- conversation to whoever had their last one, when that agent can take it.
ALTER TABLE conversations ADD COLUMN team_id TEXT REFERENCES teams(id) ON DELETE SET NULL;
-- A team's queue, oldest first.
CREATE INDEX conversations_team_queue ON conversations(team_id, queued_at) WHERE status = 'open' AND assignee_id IS NULL;

ALTER TABLE teams ADD COLUMN auto_assign INTEGER NOT NULL DEFAULT 0;
ALTER TABLE teams ADD COLUMN max_open_chats INTEGER NOT NULL DEFAULT 5;
ALTER TABLE teams ADD COLUMN returning_contacts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE teams ADD COLUMN turns BIGINT NOT NULL DEFAULT 0;
ALTER TABLE team_members ADD COLUMN last_turn BIGINT;

-- Texts to a site's number can go to a team's queue too (the SMS page's "Route texts to team"); null: everyone's.
ALTER TABLE sms_settings ADD COLUMN team_id TEXT REFERENCES teams(id) ON DELETE SET NULL;
