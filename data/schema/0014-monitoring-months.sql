-- 0014-monitoring-months: the ministry's monitoring months (issue 13).
--
-- 1. Any whole number of months from 1 to 12 as the monitoring interval
-- (municipalities also set 4 months and others; FORMS.md).  The CHECK
-- constraints of plan and plan_interval allowed only 1, 2, 3, 6 and 12.
-- Widening a CHECK changes no stored row, so instead of rebuilding plan
-- (which foreign keys from seven tables point at, and which cannot be
-- dropped with foreign keys on inside the migration's transaction) the
-- constraint's text is edited in place, as the SQLite documentation
-- describes for such changes ("ALTER TABLE", section "Making Other Kinds
-- Of Table Schema Changes": PRAGMA writable_schema, then the schema is
-- reloaded).  writable_schema = RESET reloads this connection's schema
-- at once; the CREATE TABLE below changes the schema cookie, so every
-- other connection reloads it too.
PRAGMA writable_schema = ON;
UPDATE sqlite_schema
	SET sql = replace(sql, 'monitoring_months INTEGER NOT NULL CHECK (monitoring_months IN (1, 2, 3, 6, 12))',
			  'monitoring_months INTEGER NOT NULL CHECK (monitoring_months BETWEEN 1 AND 12)')
	WHERE type = 'table' AND name = 'plan';
UPDATE sqlite_schema
	SET sql = replace(sql, 'months          INTEGER NOT NULL CHECK (months IN (1, 2, 3, 6, 12))',
			  'months          INTEGER NOT NULL CHECK (months BETWEEN 1 AND 12)')
	WHERE type = 'table' AND name = 'plan_interval';
PRAGMA writable_schema = RESET;
PRAGMA writable_schema = OFF;

-- 2. The monitoring range the certificate writes ("3月ごと(R8.7〜R9.4)":
-- its first and last month), entered on the plan and checked against the
-- months computed by the end-month rule (src/rules/monitoring.c).
ALTER TABLE plan ADD COLUMN monitoring_range_from TEXT;   -- 'YYYY-MM' or NULL
ALTER TABLE plan ADD COLUMN monitoring_range_to TEXT;     -- 'YYYY-MM' or NULL

-- 3. A monitoring month that could not be done, and why (未実施の理由):
-- 入院中, 本人の意向で延期, 連絡がつかない, その他 (with the worker's words).
CREATE TABLE monitoring_skip (
	id              INTEGER PRIMARY KEY,
	version         INTEGER NOT NULL DEFAULT 1,
	client_id       INTEGER NOT NULL REFERENCES client (id) ON DELETE CASCADE,
	plan_id         INTEGER REFERENCES plan (id) ON DELETE SET NULL,
	month           TEXT NOT NULL,             -- 'YYYY-MM': the monitoring month
	reason          TEXT NOT NULL CHECK (reason IN ('hospital', 'postponed', 'unreachable', 'other')),
	detail          TEXT NOT NULL DEFAULT ''
);
CREATE INDEX monitoring_skip_by_client ON monitoring_skip (client_id, month);
CREATE INDEX monitoring_skip_by_month ON monitoring_skip (month);

-- The due cache follows the new records (as 0007's triggers do).
CREATE TRIGGER due_skip_ins AFTER INSERT ON monitoring_skip BEGIN
	INSERT INTO due_dirty SELECT NEW.client_id WHERE NOT EXISTS (SELECT 1 FROM due_dirty d WHERE d.client_id = NEW.client_id);
END;
CREATE TRIGGER due_skip_upd AFTER UPDATE ON monitoring_skip BEGIN
	INSERT INTO due_dirty SELECT OLD.client_id WHERE NOT EXISTS (SELECT 1 FROM due_dirty d WHERE d.client_id = OLD.client_id);
	INSERT INTO due_dirty SELECT NEW.client_id WHERE NOT EXISTS (SELECT 1 FROM due_dirty d WHERE d.client_id = NEW.client_id);
END;
CREATE TRIGGER due_skip_del AFTER DELETE ON monitoring_skip BEGIN
	INSERT INTO due_dirty SELECT OLD.client_id
		WHERE EXISTS (SELECT 1 FROM client WHERE id = OLD.client_id)
		AND NOT EXISTS (SELECT 1 FROM due_dirty d WHERE d.client_id = OLD.client_id);
END;

-- due_day counts a month recorded as not done apart (open = 2), so the
-- alarm list can page through them as a group of their own
-- (src/report/due_page.c): kind 0 is DUE_MONITORING, stage 1
-- DUE_MON_NOT_DONE.  No row has that stage yet, so the counts stand.
DROP TRIGGER due_day_ins;
DROP TRIGGER due_day_del;
CREATE TRIGGER due_day_ins AFTER INSERT ON due_cache BEGIN
	INSERT INTO due_day (due_on, kind, open, n)
		VALUES (NEW.due_on, NEW.kind,
			CASE WHEN NEW.done_id <> 0 THEN 0 WHEN NEW.kind = 0 AND NEW.stage = 1 THEN 2 ELSE 1 END, 1)
		ON CONFLICT (due_on, kind, open) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER due_day_del AFTER DELETE ON due_cache BEGIN
	UPDATE due_day SET n = n - 1
		WHERE due_on = OLD.due_on AND kind = OLD.kind
		AND open = CASE WHEN OLD.done_id <> 0 THEN 0 WHEN OLD.kind = 0 AND OLD.stage = 1 THEN 2 ELSE 1 END;
END;

-- The rule changed and there is a new kind of item: every client's
-- items are computed again on the next read.
INSERT INTO due_dirty SELECT id FROM client WHERE id NOT IN (SELECT client_id FROM due_dirty);
