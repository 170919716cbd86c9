-- 0007-due-dirty-triggers: the due cache's triggers without INSERT OR
-- IGNORE.  Inside a statement with its own conflict clause (the upsert
-- that records a plan's interval) SQLite applies the outer statement's
-- rule to the trigger's INSERT too, so OR IGNORE turned into a UNIQUE
-- error when the client was already dirty.  Each trigger now inserts
-- only a client that is not there yet.

DROP TRIGGER due_client_ins;
DROP TRIGGER due_client_upd;
DROP TRIGGER due_client_del;
DROP TRIGGER due_plan_ins;
DROP TRIGGER due_plan_upd;
DROP TRIGGER due_plan_del;
DROP TRIGGER due_interval_ins;
DROP TRIGGER due_interval_upd;
DROP TRIGGER due_interval_del;
DROP TRIGGER due_row_ins;
DROP TRIGGER due_row_upd;
DROP TRIGGER due_row_del;
DROP TRIGGER due_monitoring_ins;
DROP TRIGGER due_monitoring_upd;
DROP TRIGGER due_monitoring_del;
DROP TRIGGER due_certificate_ins;
DROP TRIGGER due_certificate_upd;
DROP TRIGGER due_certificate_del;
DROP TRIGGER due_consent_ins;
DROP TRIGGER due_consent_upd;
DROP TRIGGER due_consent_del;
DROP TRIGGER due_meeting_upd;
DROP TRIGGER due_meeting_del;
DROP TRIGGER due_action_ins;
DROP TRIGGER due_action_upd;
DROP TRIGGER due_action_del;
CREATE TRIGGER due_client_ins AFTER INSERT ON client BEGIN
	INSERT INTO due_dirty SELECT NEW.id WHERE NOT EXISTS (SELECT 1 FROM due_dirty d WHERE d.client_id = NEW.id);
END;
CREATE TRIGGER due_client_upd AFTER UPDATE OF status, case_kind, birth_on ON client BEGIN
	INSERT INTO due_dirty SELECT NEW.id WHERE NOT EXISTS (SELECT 1 FROM due_dirty d WHERE d.client_id = NEW.id);
END;
CREATE TRIGGER due_client_del AFTER DELETE ON client BEGIN
	DELETE FROM due_cache WHERE client_id = OLD.id;
	DELETE FROM due_dirty WHERE client_id = OLD.id;
END;
CREATE TRIGGER due_plan_ins AFTER INSERT ON plan BEGIN
	INSERT INTO due_dirty SELECT NEW.client_id WHERE NOT EXISTS (SELECT 1 FROM due_dirty d WHERE d.client_id = NEW.client_id);
END;
CREATE TRIGGER due_plan_upd AFTER UPDATE ON plan BEGIN
	INSERT INTO due_dirty SELECT OLD.client_id WHERE NOT EXISTS (SELECT 1 FROM due_dirty d WHERE d.client_id = OLD.client_id);
	INSERT INTO due_dirty SELECT NEW.client_id WHERE NOT EXISTS (SELECT 1 FROM due_dirty d WHERE d.client_id = NEW.client_id);
END;
CREATE TRIGGER due_plan_del AFTER DELETE ON plan BEGIN
	INSERT INTO due_dirty SELECT OLD.client_id
		WHERE EXISTS (SELECT 1 FROM client WHERE id = OLD.client_id)
		AND NOT EXISTS (SELECT 1 FROM due_dirty d WHERE d.client_id = OLD.client_id);
END;
CREATE TRIGGER due_interval_ins AFTER INSERT ON plan_interval BEGIN
	INSERT INTO due_dirty SELECT DISTINCT p.client_id FROM plan p
		WHERE p.id = NEW.plan_id AND NOT EXISTS (SELECT 1 FROM due_dirty d WHERE d.client_id = p.client_id);
END;
CREATE TRIGGER due_interval_upd AFTER UPDATE ON plan_interval BEGIN
	INSERT INTO due_dirty SELECT DISTINCT p.client_id FROM plan p
		WHERE p.id = NEW.plan_id AND NOT EXISTS (SELECT 1 FROM due_dirty d WHERE d.client_id = p.client_id);
END;
CREATE TRIGGER due_interval_del AFTER DELETE ON plan_interval BEGIN
	INSERT INTO due_dirty SELECT DISTINCT p.client_id FROM plan p
		WHERE p.id = OLD.plan_id AND NOT EXISTS (SELECT 1 FROM due_dirty d WHERE d.client_id = p.client_id);
END;
CREATE TRIGGER due_row_ins AFTER INSERT ON plan_row BEGIN
	INSERT INTO due_dirty SELECT DISTINCT p.client_id FROM plan p
		WHERE p.id = NEW.plan_id AND NOT EXISTS (SELECT 1 FROM due_dirty d WHERE d.client_id = p.client_id);
END;
CREATE TRIGGER due_row_upd AFTER UPDATE ON plan_row BEGIN
	INSERT INTO due_dirty SELECT DISTINCT p.client_id FROM plan p
		WHERE p.id IN (OLD.plan_id, NEW.plan_id) AND NOT EXISTS (SELECT 1 FROM due_dirty d WHERE d.client_id = p.client_id);
END;
CREATE TRIGGER due_row_del AFTER DELETE ON plan_row BEGIN
	INSERT INTO due_dirty SELECT DISTINCT p.client_id FROM plan p
		WHERE p.id = OLD.plan_id AND NOT EXISTS (SELECT 1 FROM due_dirty d WHERE d.client_id = p.client_id);
END;
CREATE TRIGGER due_monitoring_ins AFTER INSERT ON monitoring BEGIN
	INSERT INTO due_dirty SELECT NEW.client_id WHERE NOT EXISTS (SELECT 1 FROM due_dirty d WHERE d.client_id = NEW.client_id);
END;
CREATE TRIGGER due_monitoring_upd AFTER UPDATE ON monitoring BEGIN
	INSERT INTO due_dirty SELECT OLD.client_id WHERE NOT EXISTS (SELECT 1 FROM due_dirty d WHERE d.client_id = OLD.client_id);
	INSERT INTO due_dirty SELECT NEW.client_id WHERE NOT EXISTS (SELECT 1 FROM due_dirty d WHERE d.client_id = NEW.client_id);
END;
CREATE TRIGGER due_monitoring_del AFTER DELETE ON monitoring BEGIN
	INSERT INTO due_dirty SELECT OLD.client_id
		WHERE EXISTS (SELECT 1 FROM client WHERE id = OLD.client_id)
		AND NOT EXISTS (SELECT 1 FROM due_dirty d WHERE d.client_id = OLD.client_id);
END;
CREATE TRIGGER due_certificate_ins AFTER INSERT ON certificate BEGIN
	INSERT INTO due_dirty SELECT NEW.client_id WHERE NOT EXISTS (SELECT 1 FROM due_dirty d WHERE d.client_id = NEW.client_id);
END;
CREATE TRIGGER due_certificate_upd AFTER UPDATE ON certificate BEGIN
	INSERT INTO due_dirty SELECT OLD.client_id WHERE NOT EXISTS (SELECT 1 FROM due_dirty d WHERE d.client_id = OLD.client_id);
	INSERT INTO due_dirty SELECT NEW.client_id WHERE NOT EXISTS (SELECT 1 FROM due_dirty d WHERE d.client_id = NEW.client_id);
END;
CREATE TRIGGER due_certificate_del AFTER DELETE ON certificate BEGIN
	INSERT INTO due_dirty SELECT OLD.client_id
		WHERE EXISTS (SELECT 1 FROM client WHERE id = OLD.client_id)
		AND NOT EXISTS (SELECT 1 FROM due_dirty d WHERE d.client_id = OLD.client_id);
END;
CREATE TRIGGER due_consent_ins AFTER INSERT ON consent BEGIN
	INSERT INTO due_dirty SELECT NEW.client_id WHERE NOT EXISTS (SELECT 1 FROM due_dirty d WHERE d.client_id = NEW.client_id);
END;
CREATE TRIGGER due_consent_upd AFTER UPDATE ON consent BEGIN
	INSERT INTO due_dirty SELECT OLD.client_id WHERE NOT EXISTS (SELECT 1 FROM due_dirty d WHERE d.client_id = OLD.client_id);
	INSERT INTO due_dirty SELECT NEW.client_id WHERE NOT EXISTS (SELECT 1 FROM due_dirty d WHERE d.client_id = NEW.client_id);
END;
CREATE TRIGGER due_consent_del AFTER DELETE ON consent BEGIN
	INSERT INTO due_dirty SELECT OLD.client_id
		WHERE EXISTS (SELECT 1 FROM client WHERE id = OLD.client_id)
		AND NOT EXISTS (SELECT 1 FROM due_dirty d WHERE d.client_id = OLD.client_id);
END;
CREATE TRIGGER due_meeting_upd AFTER UPDATE OF client_id ON meeting BEGIN
	INSERT INTO due_dirty SELECT OLD.client_id WHERE NOT EXISTS (SELECT 1 FROM due_dirty d WHERE d.client_id = OLD.client_id);
	INSERT INTO due_dirty SELECT NEW.client_id WHERE NOT EXISTS (SELECT 1 FROM due_dirty d WHERE d.client_id = NEW.client_id);
END;
CREATE TRIGGER due_meeting_del AFTER DELETE ON meeting BEGIN
	INSERT INTO due_dirty SELECT OLD.client_id
		WHERE EXISTS (SELECT 1 FROM client WHERE id = OLD.client_id)
		AND NOT EXISTS (SELECT 1 FROM due_dirty d WHERE d.client_id = OLD.client_id);
END;
CREATE TRIGGER due_action_ins AFTER INSERT ON action_item BEGIN
	INSERT INTO due_dirty SELECT DISTINCT p.client_id FROM meeting p
		WHERE p.id = NEW.meeting_id AND NOT EXISTS (SELECT 1 FROM due_dirty d WHERE d.client_id = p.client_id);
END;
CREATE TRIGGER due_action_upd AFTER UPDATE ON action_item BEGIN
	INSERT INTO due_dirty SELECT DISTINCT p.client_id FROM meeting p
		WHERE p.id IN (OLD.meeting_id, NEW.meeting_id) AND NOT EXISTS (SELECT 1 FROM due_dirty d WHERE d.client_id = p.client_id);
END;
CREATE TRIGGER due_action_del AFTER DELETE ON action_item BEGIN
	INSERT INTO due_dirty SELECT DISTINCT p.client_id FROM meeting p
		WHERE p.id = OLD.meeting_id AND NOT EXISTS (SELECT 1 FROM due_dirty d WHERE d.client_id = p.client_id);
END;
