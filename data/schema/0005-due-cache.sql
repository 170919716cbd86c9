-- 0005-due-cache: the due items of every client, kept up to date.
--
-- The due engine is a pure function of a client's records; nothing in an
-- item but its state depends on today.  So each client's items are
-- computed once, stored here, and only their state is worked out on each
-- read (src/report/due_items.c).  Triggers mark a client dirty whenever a
-- record that can change its items is written, by tsunagi or anything
-- else; the next read recomputes the dirty clients first.  A deleted
-- client's items go at once, with the text they carry.

CREATE TABLE due_cache (
	client_id   INTEGER NOT NULL,
	due_on      TEXT NOT NULL,
	kind        INTEGER NOT NULL,
	ref_id      INTEGER NOT NULL,
	stage       INTEGER NOT NULL,   -- plan: end or review; else 0
	month       TEXT,               -- 'YYYY-MM'
	deadline    TEXT NOT NULL,
	done_id     INTEGER NOT NULL,   -- monitoring met by this record; else 0
	text        TEXT,
	text2       TEXT
);
CREATE INDEX due_cache_by_day ON due_cache (due_on, kind);
-- What lists read: items not yet met (met monitorings are only for the
-- calendar and iCal).
CREATE INDEX due_cache_open ON due_cache (due_on, kind) WHERE done_id = 0;
CREATE INDEX due_cache_by_client ON due_cache (client_id);

CREATE TABLE due_dirty (
	client_id   INTEGER PRIMARY KEY
);

-- Everything there is now is dirty once.
INSERT INTO due_dirty (client_id) SELECT id FROM client;

CREATE TRIGGER due_client_ins AFTER INSERT ON client BEGIN
	INSERT OR IGNORE INTO due_dirty VALUES (NEW.id);
END;
CREATE TRIGGER due_client_upd AFTER UPDATE OF status, case_kind, birth_on ON client BEGIN
	INSERT OR IGNORE INTO due_dirty VALUES (NEW.id);
END;
CREATE TRIGGER due_client_del AFTER DELETE ON client BEGIN
	DELETE FROM due_cache WHERE client_id = OLD.id;
	DELETE FROM due_dirty WHERE client_id = OLD.id;
END;

CREATE TRIGGER due_plan_ins AFTER INSERT ON plan BEGIN
	INSERT OR IGNORE INTO due_dirty VALUES (NEW.client_id);
END;
CREATE TRIGGER due_plan_upd AFTER UPDATE ON plan BEGIN
	INSERT OR IGNORE INTO due_dirty VALUES (OLD.client_id);
	INSERT OR IGNORE INTO due_dirty VALUES (NEW.client_id);
END;
CREATE TRIGGER due_plan_del AFTER DELETE ON plan BEGIN
	INSERT OR IGNORE INTO due_dirty SELECT OLD.client_id
		WHERE EXISTS (SELECT 1 FROM client WHERE id = OLD.client_id);
END;

CREATE TRIGGER due_interval_ins AFTER INSERT ON plan_interval BEGIN
	INSERT OR IGNORE INTO due_dirty SELECT client_id FROM plan WHERE id = NEW.plan_id;
END;
CREATE TRIGGER due_interval_upd AFTER UPDATE ON plan_interval BEGIN
	INSERT OR IGNORE INTO due_dirty SELECT client_id FROM plan WHERE id = NEW.plan_id;
END;
CREATE TRIGGER due_interval_del AFTER DELETE ON plan_interval BEGIN
	INSERT OR IGNORE INTO due_dirty SELECT client_id FROM plan WHERE id = OLD.plan_id;
END;

CREATE TRIGGER due_row_ins AFTER INSERT ON plan_row BEGIN
	INSERT OR IGNORE INTO due_dirty SELECT client_id FROM plan WHERE id = NEW.plan_id;
END;
CREATE TRIGGER due_row_upd AFTER UPDATE ON plan_row BEGIN
	INSERT OR IGNORE INTO due_dirty SELECT client_id FROM plan WHERE id IN (OLD.plan_id, NEW.plan_id);
END;
CREATE TRIGGER due_row_del AFTER DELETE ON plan_row BEGIN
	INSERT OR IGNORE INTO due_dirty SELECT client_id FROM plan WHERE id = OLD.plan_id;
END;

CREATE TRIGGER due_monitoring_ins AFTER INSERT ON monitoring BEGIN
	INSERT OR IGNORE INTO due_dirty VALUES (NEW.client_id);
END;
CREATE TRIGGER due_monitoring_upd AFTER UPDATE ON monitoring BEGIN
	INSERT OR IGNORE INTO due_dirty VALUES (OLD.client_id);
	INSERT OR IGNORE INTO due_dirty VALUES (NEW.client_id);
END;
CREATE TRIGGER due_monitoring_del AFTER DELETE ON monitoring BEGIN
	INSERT OR IGNORE INTO due_dirty SELECT OLD.client_id
		WHERE EXISTS (SELECT 1 FROM client WHERE id = OLD.client_id);
END;

CREATE TRIGGER due_certificate_ins AFTER INSERT ON certificate BEGIN
	INSERT OR IGNORE INTO due_dirty VALUES (NEW.client_id);
END;
CREATE TRIGGER due_certificate_upd AFTER UPDATE ON certificate BEGIN
	INSERT OR IGNORE INTO due_dirty VALUES (OLD.client_id);
	INSERT OR IGNORE INTO due_dirty VALUES (NEW.client_id);
END;
CREATE TRIGGER due_certificate_del AFTER DELETE ON certificate BEGIN
	INSERT OR IGNORE INTO due_dirty SELECT OLD.client_id
		WHERE EXISTS (SELECT 1 FROM client WHERE id = OLD.client_id);
END;

CREATE TRIGGER due_consent_ins AFTER INSERT ON consent BEGIN
	INSERT OR IGNORE INTO due_dirty VALUES (NEW.client_id);
END;
CREATE TRIGGER due_consent_upd AFTER UPDATE ON consent BEGIN
	INSERT OR IGNORE INTO due_dirty VALUES (OLD.client_id);
	INSERT OR IGNORE INTO due_dirty VALUES (NEW.client_id);
END;
CREATE TRIGGER due_consent_del AFTER DELETE ON consent BEGIN
	INSERT OR IGNORE INTO due_dirty SELECT OLD.client_id
		WHERE EXISTS (SELECT 1 FROM client WHERE id = OLD.client_id);
END;

CREATE TRIGGER due_meeting_upd AFTER UPDATE OF client_id ON meeting BEGIN
	INSERT OR IGNORE INTO due_dirty VALUES (OLD.client_id);
	INSERT OR IGNORE INTO due_dirty VALUES (NEW.client_id);
END;
CREATE TRIGGER due_meeting_del AFTER DELETE ON meeting BEGIN
	INSERT OR IGNORE INTO due_dirty SELECT OLD.client_id
		WHERE EXISTS (SELECT 1 FROM client WHERE id = OLD.client_id);
END;

CREATE TRIGGER due_action_ins AFTER INSERT ON action_item BEGIN
	INSERT OR IGNORE INTO due_dirty SELECT client_id FROM meeting WHERE id = NEW.meeting_id;
END;
CREATE TRIGGER due_action_upd AFTER UPDATE ON action_item BEGIN
	INSERT OR IGNORE INTO due_dirty SELECT client_id FROM meeting WHERE id IN (OLD.meeting_id, NEW.meeting_id);
END;
CREATE TRIGGER due_action_del AFTER DELETE ON action_item BEGIN
	INSERT OR IGNORE INTO due_dirty SELECT client_id FROM meeting WHERE id = OLD.meeting_id;
END;
