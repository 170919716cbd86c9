/*
 * store_draft.h - forms in progress, kept field by field so that no
 * typed character is lost to a dropped connection or a closed window.
 * A draft is identified by its form and record: (form, client_id,
 * record_id), record_id 0 for a record not saved yet.
 */
#ifndef TSUNAGI_STORE_DRAFT_H
#define TSUNAGI_STORE_DRAFT_H

#include <stddef.h>
#include <stdint.h>

#include "tsunagi/db.h"
#include "tsunagi/err.h"

typedef struct draft {
	int64_t id;
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

/* Insert or replace the draft for (form, client_id, record_id); sets
 * d->id.  One transaction. */
int store_draft_save(db *db, draft *d, tsu_err *e);
/* The draft for (form, client_id, record_id) into d (initialised by the
 * call); TSU_ENOTFOUND when there is none. */
int store_draft_find(db *db, const char *form, int64_t client_id, int64_t record_id,
		     draft *d, tsu_err *e);
int store_draft_get(db *db, int64_t id, draft *d, tsu_err *e);
int store_draft_delete(db *db, int64_t id, tsu_err *e);
/* Every draft, newest first, with their fields; free with
 * draft_free_list. */
int store_draft_list(db *db, draft **out, size_t *n, tsu_err *e);
void draft_free_list(draft *v, size_t n);
int64_t store_draft_count(db *db);

#endif
