-- 0024-disclosure: a case summary (情報提供書 / フェイスシート) handed to
-- another party (a hospital on admission, an office taking over) is a
-- disclosure of personal data.  Each print for a party is kept here: to
-- whom, on which day, which document, and the consent that covered it
-- (NULL: none in force covered that party and the worker printed anyway).
-- Its audit row (tbl 'disclosure', action 'insert') says who printed it
-- and when without any personal text; the party's name stays in this
-- table, which goes with the client (ON DELETE CASCADE) like its records.
CREATE TABLE disclosure (
	id              INTEGER PRIMARY KEY,
	version         INTEGER NOT NULL DEFAULT 1,
	client_id       INTEGER NOT NULL REFERENCES client (id) ON DELETE CASCADE,
	party           TEXT NOT NULL CHECK (length(party) BETWEEN 1 AND 200),
	document        TEXT NOT NULL CHECK (document IN ('summary')),
	disclosed_on    TEXT NOT NULL,       -- 'YYYY-MM-DD', the print date
	consent_id      INTEGER REFERENCES consent (id) ON DELETE SET NULL
);
CREATE INDEX disclosure_by_client ON disclosure (client_id);
