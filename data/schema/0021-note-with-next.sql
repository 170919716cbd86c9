-- 0021-note-with-next: a progress note says with whom it was (相手: the
-- client, a family member, a provider's staff ...) and when its next step
-- (次の対応) is due; the date puts the step on the alarm list until the
-- worker marks it done (next_done_on).  A meeting and a scheduled
-- monitoring visit get their time of day, so the calendar's day list can
-- show them (issue 16, item 19).
ALTER TABLE note ADD COLUMN with_whom TEXT NOT NULL DEFAULT '';
ALTER TABLE note ADD COLUMN next_on TEXT;           -- 'YYYY-MM-DD'
ALTER TABLE note ADD COLUMN next_done_on TEXT;      -- 'YYYY-MM-DD'
ALTER TABLE meeting ADD COLUMN held_at TEXT;        -- 'HH:MM'
ALTER TABLE monitoring ADD COLUMN scheduled_at TEXT; -- 'HH:MM'
CREATE INDEX meeting_by_day ON meeting (held_on);

-- What the due window reads: the steps still open.
CREATE INDEX note_next_open ON note (next_on) WHERE next_on IS NOT NULL AND next_done_on IS NULL;

-- The due cache (0005, 0007): a note's step is one of its client's items.
CREATE TRIGGER due_note_ins AFTER INSERT ON note WHEN NEW.next_on IS NOT NULL BEGIN
	INSERT INTO due_dirty SELECT NEW.client_id WHERE NOT EXISTS (SELECT 1 FROM due_dirty d WHERE d.client_id = NEW.client_id);
END;
CREATE TRIGGER due_note_upd AFTER UPDATE OF client_id, next_on, next_done_on, next_step ON note
	WHEN OLD.next_on IS NOT NULL OR NEW.next_on IS NOT NULL BEGIN
	INSERT INTO due_dirty SELECT OLD.client_id WHERE NOT EXISTS (SELECT 1 FROM due_dirty d WHERE d.client_id = OLD.client_id);
	INSERT INTO due_dirty SELECT NEW.client_id WHERE NOT EXISTS (SELECT 1 FROM due_dirty d WHERE d.client_id = NEW.client_id);
END;
CREATE TRIGGER due_note_del AFTER DELETE ON note WHEN OLD.next_on IS NOT NULL BEGIN
	INSERT INTO due_dirty SELECT OLD.client_id
		WHERE EXISTS (SELECT 1 FROM client WHERE id = OLD.client_id)
		AND NOT EXISTS (SELECT 1 FROM due_dirty d WHERE d.client_id = OLD.client_id);
END;
