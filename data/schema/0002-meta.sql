-- 0002-meta: small facts about the database itself, e.g. the day its
-- pages were last checked with PRAGMA quick_check.
CREATE TABLE meta (
	key     TEXT PRIMARY KEY,
	value   TEXT NOT NULL
) WITHOUT ROWID;
