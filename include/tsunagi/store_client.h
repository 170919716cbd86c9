/*
 * store_client.h - the client register (利用者): add, read, edit with
 * version checks, close, and walk the case load in kana order.
 */
#ifndef TSUNAGI_STORE_CLIENT_H
#define TSUNAGI_STORE_CLIENT_H

#include <stdbool.h>
#include <stdint.h>

#include "tsunagi/date.h"
#include "tsunagi/db.h"
#include "tsunagi/err.h"

typedef struct client {
	int64_t id;
	int64_t version;
	char *name;
	char *kana;
	date_t birth_on;
	char *sex;              /* "", female, male, other */
	char *case_kind;        /* plan, child, transition, retention */
	char *status;           /* active, closed */
	date_t closed_on;
	char *recipient_no;
	char *municipality;
	char *address;
	char *phone;
	char *housing;
	char *disability;
	char *handbook_kind;
	char *handbook_grade;
	int support_level;      /* 0 (非該当) .. 6, or -1 when not known */
	int64_t copay_cap_yen;  /* -1 when not known */
	char *remarks;
} client;

/* A client with every text field "" and numbers unknown. */
void client_init(client *c);
void client_free(client *c);   /* frees the fields, not c */

/*
 * Fields by name, for command-line options, import columns and forms:
 * name kana birth sex kind recipient-no municipality address phone
 * housing disability handbook-kind handbook-grade support-level
 * copay-cap remarks.  label is N_() text.
 */
typedef struct client_field {
	const char *name;
	const char *label;
	int multiline;
} client_field;
extern const client_field client_fields[];    /* NULL name ends it */

/* Set a field from text as typed (dates in every form the parser reads;
 * kinds and sexes by name).  c is unchanged on error. */
int client_set(client *c, const char *field, const char *text, tsu_err *e);
/* The field as text (caller frees): dates ISO, "" for unknown. */
char *client_get(const client *c, const char *field);

/* Validate every field (messages name the field). */
int client_validate(const client *c, tsu_err *e);
/* Only the fields every path requires: name, kana, birth date. */
int client_check_required(const client *c, tsu_err *e);

/* Insert; sets c->id and c->version.  One transaction with its audit row. */
int store_client_add(db *db, client *c, tsu_err *e);
/* Read by id into c (initialised by the call). */
int store_client_get(db *db, int64_t id, client *c, tsu_err *e);
/* Save c over the row with c->id if its version is still c->version;
 * TSU_ECONFLICT otherwise.  Bumps c->version on success. */
int store_client_update(db *db, client *c, tsu_err *e);
/* Close (終結) on the given day. */
int store_client_close(db *db, int64_t id, date_t on, tsu_err *e);
/* Close a case with why (one of store_close_reasons; "" for none given)
 * and a summary of how support ended (may be ""; "other" needs one). */
int store_client_close_why(db *db, int64_t id, date_t on, const char *reason,
			   const char *summary, tsu_err *e);
/* A closed case's reason and summary (caller frees); "" when none. */
int store_client_closing(db *db, int64_t id, char **reason, char **summary, tsu_err *e);
/* Delete a client and everything about them (cascades). */
int store_client_delete(db *db, int64_t id, tsu_err *e);

typedef struct client_filter {
	bool include_closed;    /* default: active only */
	bool only_closed;
	const char *case_kind;  /* NULL: every kind */
	const char *search;     /* NULL: all; else matched against name and kana, folded */
} client_filter;

/* Call fn for each matching client in kana order; fn returns non-zero to
 * stop.  The client passed is valid only during the call. */
typedef int (*client_fn)(const client *c, void *arg);
int store_client_each(db *db, const client_filter *f, client_fn fn, void *arg, tsu_err *e);
int64_t store_client_count(db *db, const client_filter *f);

/* Resolve a CLIENT argument: an id, or a recipient number. */
int store_client_resolve(db *db, const char *arg, int64_t *id, tsu_err *e);

/* Another active client with the same recipient number (0 if none). */
int64_t store_client_by_recipient(db *db, const char *recipient_no, int64_t except_id);

/* ---- paging the case load for the UI (keyset, never OFFSET) ---- */

/* What a list row shows, plus its place in the order. */
typedef struct client_row {
	int64_t id;
	char *name, *kana, *case_kind, *status, *recipient_no;
	char *sort_key;         /* the order: (status, sort_key, id) */
	date_t birth_on;
} client_row;

void client_row_free(client_row *r);   /* frees the fields, not r */

/*
 * Up to limit rows of f in list order (status, kana, id): after the row
 * `from` or, with backward, before it (from NULL: from the first row,
 * or backward from the last).  Rows are written to out[0..*n) in list
 * order either way.  Each call reads only the rows it returns, through
 * the sort index.
 */
int store_client_page(db *db, const client_filter *f, const client_row *from,
		      bool backward, size_t limit, client_row *out, size_t *n, tsu_err *e);
/* Every row of f in list order, for a listing that prints them all (the
 * command line's client list): only the columns a listing prints are
 * read (recipient_no and sort_key are NULL), and the row passed points
 * at SQLite's text, valid only during the call (never free it).  fn
 * returns non-zero to stop. */
typedef int (*client_row_fn)(const client_row *r, void *arg);
int store_client_rows_each(db *db, const client_filter *f, client_row_fn fn, void *arg, tsu_err *e);
/* The list row of client id (TSU_ENOTFOUND if none). */
int store_client_row(db *db, int64_t id, client_row *out, tsu_err *e);
/* How many rows of f come before row in list order (its index). */
int64_t store_client_position(db *db, const client_filter *f, const client_row *row);

#endif
