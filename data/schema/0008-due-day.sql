-- 0008-due-day: the number of due items per day, kind and open/met, kept
-- by triggers on due_cache.  The calendar counts a month from ~200 rows
-- here instead of reading every item of the month (17,000 index entries
-- at 10,000 clients: 4.5 ms per month change, against a 5 ms budget).
-- No personal text: dates, kinds and numbers only.
CREATE TABLE due_day (
	due_on  TEXT NOT NULL,
	kind    INTEGER NOT NULL,
	open    INTEGER NOT NULL,          -- 1: not met (done_id = 0)
	n       INTEGER NOT NULL,
	PRIMARY KEY (due_on, kind, open)
) WITHOUT ROWID;

INSERT INTO due_day (due_on, kind, open, n)
	SELECT due_on, kind, done_id = 0, count(*) FROM due_cache GROUP BY 1, 2, 3;

CREATE TRIGGER due_day_ins AFTER INSERT ON due_cache BEGIN
	INSERT INTO due_day (due_on, kind, open, n)
		VALUES (NEW.due_on, NEW.kind, NEW.done_id = 0, 1)
		ON CONFLICT (due_on, kind, open) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER due_day_del AFTER DELETE ON due_cache BEGIN
	UPDATE due_day SET n = n - 1
		WHERE due_on = OLD.due_on AND kind = OLD.kind AND open = (OLD.done_id = 0);
END;
