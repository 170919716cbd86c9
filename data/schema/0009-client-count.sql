-- 0009-client-count: the number of clients per status, kept by triggers,
-- so the client list can place its scrollbar without counting the case
-- load (an index scan of every client: 12 ms at 100,000 clients).
CREATE TABLE client_count (
	status  TEXT PRIMARY KEY,
	n       INTEGER NOT NULL
) WITHOUT ROWID;

INSERT INTO client_count (status, n) VALUES ('active', 0), ('closed', 0);
UPDATE client_count SET n = (SELECT count(*) FROM client WHERE client.status = client_count.status);

CREATE TRIGGER client_count_ins AFTER INSERT ON client BEGIN
	UPDATE client_count SET n = n + 1 WHERE status = NEW.status;
END;
CREATE TRIGGER client_count_del AFTER DELETE ON client BEGIN
	UPDATE client_count SET n = n - 1 WHERE status = OLD.status;
END;
CREATE TRIGGER client_count_upd AFTER UPDATE OF status ON client
	WHEN OLD.status <> NEW.status BEGIN
	UPDATE client_count SET n = n - 1 WHERE status = OLD.status;
	UPDATE client_count SET n = n + 1 WHERE status = NEW.status;
END;
