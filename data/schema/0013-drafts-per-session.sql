-- 0013-drafts-per-session: each UI session's drafts are its own.  Two SSH
-- sessions that each typed a new client and were both hung up used to
-- keep one draft between them (the key was form, client and record), while
-- both said "kept as drafts".  The key now starts with the session, a
-- random id the UI picks when it starts: a session replaces only its own
-- draft, and the next start offers every one.  Drafts from before this
-- migration get the session ''.
-- exported tables unchanged
-- (drafts are one session's unsaved text, not records: `export all`
-- leaves them out, so exports of schema 9 to 12 still import.)
--
-- SQLite cannot drop a UNIQUE constraint, so both draft tables are built
-- again.  The old rows go through plain copies first: with foreign keys
-- on, dropping draft would delete every draft_field row.
CREATE TABLE draft_0013 AS SELECT id, form, client_id, record_id, base_version, title, saved_at FROM draft;
CREATE TABLE draft_field_0013 AS SELECT draft_id, name, value FROM draft_field;
DROP TRIGGER draft_follows_client;
DROP TABLE draft_field;
DROP TABLE draft;

CREATE TABLE draft (
	id              INTEGER PRIMARY KEY,
	session         TEXT NOT NULL DEFAULT '',  -- the UI session that kept it
	form            TEXT NOT NULL,             -- 'client' or a record table
	client_id       INTEGER NOT NULL DEFAULT 0,
	record_id       INTEGER NOT NULL DEFAULT 0,
	base_version    INTEGER NOT NULL DEFAULT 0, -- the version the edit began from
	title           TEXT NOT NULL DEFAULT '',
	saved_at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
	UNIQUE (session, form, client_id, record_id)
);

CREATE TABLE draft_field (
	draft_id        INTEGER NOT NULL REFERENCES draft (id) ON DELETE CASCADE,
	name            TEXT NOT NULL,
	value           TEXT NOT NULL,
	PRIMARY KEY (draft_id, name)
) WITHOUT ROWID;

INSERT INTO draft (id, session, form, client_id, record_id, base_version, title, saved_at)
	SELECT id, '', form, client_id, record_id, base_version, title, saved_at FROM draft_0013;
INSERT INTO draft_field (draft_id, name, value) SELECT draft_id, name, value FROM draft_field_0013;
DROP TABLE draft_field_0013;
DROP TABLE draft_0013;

-- As in 0012: a draft needs its client, and goes with it.
CREATE TRIGGER draft_needs_client BEFORE INSERT ON draft
WHEN NEW.client_id <> 0 AND NOT EXISTS (SELECT 1 FROM client WHERE id = NEW.client_id)
BEGIN
	SELECT RAISE(ABORT, 'draft of a deleted client');
END;

CREATE TRIGGER draft_follows_client AFTER DELETE ON client
BEGIN
	DELETE FROM draft WHERE client_id = OLD.id;
END;
