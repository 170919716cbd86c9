/*
 * store_draft.h - forms in progress, kept field by field so that no
 * typed character is lost to a dropped connection or a closed window.
 * A draft is identified by the UI session that kept it and its form and
 * record: (session, form, client_id, record_id), record_id 0 for a
 * record not saved yet.  A session replaces only its own drafts, so two
 * sessions hung up on the same new form keep two (schema 0013); the
 * next start offers every one.
 */
#ifndef TSUNAGI_STORE_DRAFT_H
#define TSUNAGI_STORE_DRAFT_H

#include <stddef.h>
#include <stdint.h>

#include "tsunagi/db.h"
#include "tsunagi/err.h"

typedef struct draft {
	int64_t id;
	char *session;          /* the UI session's id ("" before schema 13) */
	int64_t replaces;       /* another session's draft this one goes on
				 * from: removed when this one is written */
	char *form;             /* "client" or a record table name */
	int64_t client_id;      /* 0 for a new client */
	int64_t record_id;      /* 0 for a new record */
	int64_t base_version;   /* the record's version when editing began */
	char *title;            /* shown in the list of drafts */
	char *saved_at;         /* UTC, ISO 8601 */
	char **names, **values; /* the fields as typed */
	size_t n;
} draft;

void draft_init(draft *d);
void draft_free(draft *d);
/* Add a field (copies both strings). */
void draft_put(draft *d, const char *name, const char *value);
/* A field's value, or NULL. */
const char *draft_value(const draft *d, const char *name);

/* Insert or replace the draft for (session, form, client_id,
 * record_id), and remove d->replaces when set; sets d->id.  One
 * transaction. */
int store_draft_save(db *db, draft *d, tsu_err *e);
/* The draft for (form, client_id, record_id) into d (initialised by the
 * call): session's own if it has one, else the newest of another
 * session's kept no later than others_before (UTC ISO 8601 as saved_at;
 * NULL: none); TSU_ENOTFOUND when there is none. */
int store_draft_find(db *db, const char *session, const char *others_before, const char *form,
		     int64_t client_id, int64_t record_id, draft *d, tsu_err *e);
/* How many drafts (of every session) there are for the form and record. */
int64_t store_draft_count_for(db *db, const char *form, int64_t client_id, int64_t record_id);
/* The record was saved: remove session's draft of it and the draft
 * also_id (0: none) it went on from.  Part of the caller's transaction
 * when one is open. */
int store_draft_end(db *db, const char *session, const char *form, int64_t client_id,
		    int64_t record_id, int64_t also_id, tsu_err *e);
int store_draft_get(db *db, int64_t id, draft *d, tsu_err *e);
int store_draft_delete(db *db, int64_t id, tsu_err *e);
/* Every draft, newest first, with their fields; free with
 * draft_free_list. */
int store_draft_list(db *db, draft **out, size_t *n, tsu_err *e);
void draft_free_list(draft *v, size_t n);
int64_t store_draft_count(db *db);

/* When the database cannot take a draft (a full disk): write it to a
 * new 0600 file "DB.draft-XXXXXX" beside the database; *path (malloc'd)
 * names it.  TSU_EIO when that fails too. */
int store_draft_write_file(db *db, const draft *d, char **path, tsu_err *e);
/* At start: load the draft files beside the database into the drafts
 * and remove them; *taken counts them.  A file that cannot be read is
 * left where it is and named in the error. */
int store_draft_take_files(db *db, int *taken, tsu_err *e);

#endif
