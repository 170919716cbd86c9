/*
 * record.h - records described as data.
 *
 * Most tables are a list of typed fields under a parent (a client, a
 * plan, a meeting).  Each is described once by a record_type: its fields
 * with their columns, labels, limits and choices, and its constant SQL.
 * One generic implementation then validates, inserts, reads, lists,
 * updates (with the version check) and deletes them, writing the audit
 * row; the same descriptions drive the forms on screen.  Every record
 * struct starts with `int64_t id, version;`.
 */
#ifndef TSUNAGI_RECORD_H
#define TSUNAGI_RECORD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tsunagi/date.h"
#include "tsunagi/db.h"
#include "tsunagi/err.h"

typedef enum field_type {
	FT_ID,          /* int64_t: a parent or linked row's id; 0 is NULL */
	FT_TEXT,        /* char *, never NULL */
	FT_DATE,        /* date_t, DATE_NONE is NULL */
	FT_INT,         /* int; with FF_NULLABLE, INT_MIN is NULL */
	FT_BOOL,        /* bool stored as 0/1 */
	FT_CHOICE,      /* char *, one of choices[] */
	FT_MONTH,       /* month_t stored as 'YYYY-MM'; -1 is NULL */
} field_type;

enum field_flags {
	FF_REQUIRED = 1,   /* text: not blank; date/id: not NULL */
	FF_MULTILINE = 2,  /* text: several lines (forms offer $EDITOR) */
	FF_NULLABLE = 4,   /* int: may be NULL (INT_MIN) */
	FF_PARENT = 8,     /* the id that owns the row (client_id ...) */
	FF_HIDDEN = 16,    /* kept but not shown in forms (links) */
	FF_TIME = 32,      /* text: a time of day, read by time_parse and kept as HH:MM */
	FF_YEN = 64,       /* int: an amount, also typed "9,300円" */
	FF_LEVEL = 128,    /* int: 障害支援区分, also typed "区分3" or "非該当" (0) */
	FF_ICF = 256,      /* text: an ICF code (icf_code_valid); sets the record's "component" */
	/* A field of one style of progress note: SOAP, or 事実/解釈 (fact).
	 * A form shows one style (config note_style) and hides the other's
	 * fields while they are empty; both are kept in the database. */
	FF_STYLE_SOAP = 512,
	FF_STYLE_FACT = 1024,
};

#define FIELD_INT_NULL INT32_MIN

typedef struct field {
	const char *col;               /* column, also the bind name without ':' */
	const char *label;             /* N_() label; translate when shown */
	field_type type;
	size_t off;                    /* offsetof in the record struct */
	unsigned flags;
	size_t max;                    /* text: characters */
	int min, max_int;              /* int range */
	const char *const *choices;    /* FT_CHOICE, NULL-terminated */
	const char *dflt;              /* FT_CHOICE default */
} field;

/* Where a record is edited (REC_RECORD_KINDS in records.h). */
typedef enum rec_form {
	REC_FORM_NONE,
	REC_FORM_OWN,           /* a form of its own under the client (or the register) */
	REC_FORM_CHILD,         /* a row under its parent record's screen */
} rec_form;

typedef struct record_type {
	const char *table;
	const char *label;             /* N_() for messages: "certificate" */
	size_t size;                   /* sizeof the struct */
	const field *fields;           /* in the column order of the SQL below */
	size_t nfields;
	/* Constant SQL, columns in field order after id and version:
	 *   select: "SELECT id, version, <cols> FROM t WHERE id = :id"
	 *   list:   "... WHERE <parent> = :parent ORDER BY ..."
	 *   insert: "INSERT INTO t (<cols>) VALUES (:<cols>)"
	 *   update: "UPDATE t SET <col> = :<col>, ..., version = version + 1
	 *            WHERE id = :id AND version = :version"
	 *   delete: "DELETE FROM t WHERE id = :id" */
	const char *sql_select, *sql_list, *sql_insert, *sql_update, *sql_delete;
	/* Checks across fields (valid_from <= valid_to), or NULL. */
	int (*check)(const void *rec, tsu_err *e);
	/* Checks against what is stored, or NULL: called inside the write's
	 * transaction with the new record and id 0 (add), the new record
	 * and its id (update), or NULL and the id (delete).  A consented
	 * plan and its rows are read-only this way (store_plan.h). */
	int (*guard)(db *db, const struct record_type *rt, const void *rec, int64_t id, tsu_err *e);
	rec_form form;
	const char *tab;               /* N_() label of its client-card tab, or NULL */
} record_type;

#define REC_ID(r) (((int64_t *)(r))[0])
#define REC_VERSION(r) (((int64_t *)(r))[1])

/* Field access. */
char **field_text(const field *f, void *rec);
date_t *field_date(const field *f, void *rec);
int *field_int(const field *f, void *rec);
bool *field_bool(const field *f, void *rec);
int64_t *field_id(const field *f, void *rec);
month_t *field_month(const field *f, void *rec);
const field *record_field(const record_type *rt, const char *col);

void record_init(const record_type *rt, void *rec);
void record_free(const record_type *rt, void *rec);
void record_free_list(const record_type *rt, void *v, size_t n);
void record_copy(const record_type *rt, void *dst, const void *src);

/*
 * Set a field from text as a person types it: dates in every form the
 * date parser reads, integers, yes/no for booleans, a choice by name.
 * The message names the field.  The record is unchanged on error.
 */
int record_set(const record_type *rt, void *rec, const field *f, const char *text, tsu_err *e);
/* The field's value as text for a form or a listing (caller frees):
 * dates ISO, "" for NULL. */
char *record_get(const field *f, const void *rec);

int record_validate(const record_type *rt, const void *rec, tsu_err *e);

/* Store: one transaction each, with its audit row. */
int store_record_add(db *db, const record_type *rt, void *rec, tsu_err *e);
int store_record_get(db *db, const record_type *rt, int64_t id, void *rec, tsu_err *e);
int store_record_update(db *db, const record_type *rt, void *rec, tsu_err *e);
int store_record_delete(db *db, const record_type *rt, int64_t id, tsu_err *e);
/* The parent's rows, in the list SQL's order; *out is an array of n
 * records (caller frees with record_free_list). */
int store_record_list(db *db, const record_type *rt, int64_t parent_id,
		      void **out, size_t *n, tsu_err *e);

#endif
