-- 0003-drafts: forms in progress.  A form that is left unsaved, or open
-- when the session ends (a dropped SSH link, SIGTERM, a closed terminal),
-- is kept here field by field and offered back on the next start.  There
-- is one draft per form and record (record_id 0: a new one).  No foreign
-- key to client: a draft outlives a client deleted meanwhile, so typed
-- text is never lost silently.
CREATE TABLE draft (
	id              INTEGER PRIMARY KEY,
	form            TEXT NOT NULL,             -- 'client' or a record table
	client_id       INTEGER NOT NULL DEFAULT 0,
	record_id       INTEGER NOT NULL DEFAULT 0,
	base_version    INTEGER NOT NULL DEFAULT 0, -- the version the edit began from
	title           TEXT NOT NULL DEFAULT '',
	saved_at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
	UNIQUE (form, client_id, record_id)
);

CREATE TABLE draft_field (
	draft_id        INTEGER NOT NULL REFERENCES draft (id) ON DELETE CASCADE,
	name            TEXT NOT NULL,
	value           TEXT NOT NULL,
	PRIMARY KEY (draft_id, name)
) WITHOUT ROWID;
