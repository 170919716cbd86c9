-- 0025-note-written-on: the day a progress note was written (issue 14,
-- 記録遅延率: notes written more than N days after the day they record).
-- No column said so: note has no time stamp of its own, and audit.at is
-- the clock's UTC time (a note saved at 08:00 in Japan is dated the day
-- before) that --today and TSUNAGI_TODAY cannot fix for tests.  The store
-- sets it to the program's today when a note is first saved
-- (src/store/record.c); notes saved before this migration keep NULL, and
-- the figures count them apart as "unknown", never as on time.
ALTER TABLE note ADD COLUMN written_on TEXT;        -- 'YYYY-MM-DD' or NULL
CREATE INDEX note_by_day ON note (noted_on);
