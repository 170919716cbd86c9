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
#include "tsunagi/i18n.h"
#include "tsunagi/store.h"

/*
 * The client, described once.  Each field is one line of CLIENT_FIELDS:
 *   X(member, type, how, name, label, flags, max, check, choice, aliases)
 *   member   the struct member and the column of table client
 *   type     CT_*: how it is kept and typed (below)
 *   how      CW_EDIT: set by forms, `client add/edit` and imports;
 *            CW_STATE: the case's state, set only by closing it
 *   name     the field's stable name: the command line's --NAME, the
 *            form's field (and its drafts), client_set and the import
 *   label    N_() label of forms, listings and messages
 *   flags    CF_* (below)
 *   max      text: characters (validated); CT_LEVEL, CT_YEN: highest value
 *   check    the field's own check (client.c), or NULL; a required
 *            field's check also says what an empty one lacks
 *   choice   CT_CHOICE: its values and words (client_choice), else NULL
 *   aliases  CLIENT_ALIASES(...): the import's headings for it, the first
 *            being what `export clients` writes
 * From this list come the struct, the SQL (select, insert, update),
 * init, free, the row reader, the validator, client_set/client_get, the
 * form, the import's headings, the export's columns and the command
 * line's options.  A new client field is one line here and a migration
 * adding its column (tests/unit/test_client_fields.c checks both).
 * The client's derived columns (sort and search keys) are CLIENT_KEYS.
 */
typedef enum client_type {
	CT_TEXT,        /* char *, never NULL */
	CT_CHOICE,      /* char *, one of choice->values (the first is the default) */
	CT_DATE,        /* date_t, DATE_NONE when not known */
	CT_LEVEL,       /* int 0 (非該当) .. max, -1 when not known; typed "区分3" */
	CT_YEN,         /* int64_t 0 .. max yen, -1 when not known; typed "9,300円" */
} client_type;

enum client_flags {
	CF_REQUIRED = 1,   /* every path needs it: forms mark it, saving refuses without */
	CF_MULTILINE = 2,  /* several lines: a long field in forms ($EDITOR) */
	CF_DIGITS = 4,     /* a number as printed (受給者証番号): kept trimmed, not
			    * read from @FILE, full-width digits taken on import */
	CF_NAME = 8,       /* a name: --initials shows the initials of the kana
			    * instead; the import may join it from two halves */
	CF_AGE = 16,       /* a date shown with its 和暦 and the age today */
	CF_EXPORT = 32,    /* a column of `export clients` */
};

typedef struct client_choice {
	const char *const *values;     /* NULL-terminated; [0] is the default */
	/* value, word pairs (NULL ends them): the first word of a value is
	 * what `export clients` writes; the import takes any of them or the
	 * value itself (folded), and an empty cell as the default. */
	const char *const *words;
	const char *import_hint;       /* N_(): the import's message for a word it does not know */
} client_choice;
extern const client_choice client_sexes, client_case_kinds, client_statuses;

#define CLIENT_ALIASES(...) ((const char *const[]){ __VA_ARGS__, NULL })
#define CLIENT_SHORT STORE_SHORT_MAX

#define CLIENT_FIELDS(X) \
	X(name, CT_TEXT, CW_EDIT, "name", N_("name"), CF_REQUIRED | CF_NAME | CF_EXPORT, \
	  STORE_NAME_MAX, NULL, NULL, \
	  CLIENT_ALIASES("氏名", "名前", "利用者名", "利用者氏名", "利用者", "name", "full name")) \
	X(kana, CT_TEXT, CW_EDIT, "kana", N_("kana"), CF_REQUIRED | CF_NAME | CF_EXPORT, \
	  STORE_NAME_MAX, NULL, NULL, \
	  CLIENT_ALIASES("フリガナ", "ふりがな", "カナ", "よみがな", "読み", "読み仮名", "氏名カナ", \
			 "氏名フリガナ", "kana", "reading")) \
	X(birth_on, CT_DATE, CW_EDIT, "birth", N_("birth date"), CF_REQUIRED | CF_AGE | CF_EXPORT, \
	  0, client_check_birth, NULL, \
	  CLIENT_ALIASES("生年月日", "誕生日", "birth", "birth date", "birthdate", "date of birth", "birth_on")) \
	X(sex, CT_CHOICE, CW_EDIT, "sex", N_("sex"), CF_EXPORT, 0, NULL, &client_sexes, \
	  CLIENT_ALIASES("性別", "sex", "gender")) \
	X(case_kind, CT_CHOICE, CW_EDIT, "kind", N_("case kind"), CF_EXPORT, 0, NULL, &client_case_kinds, \
	  CLIENT_ALIASES("相談区分", "区分", "種別", "相談種別", "case kind", "kind", "case_kind")) \
	X(recipient_no, CT_TEXT, CW_EDIT, "recipient-no", N_("recipient number"), CF_DIGITS | CF_EXPORT, \
	  10, client_check_recipient_no, NULL, \
	  CLIENT_ALIASES("受給者証番号", "受給者番号", "受給者証", "recipient number", "recipient no", \
			 "recipient-no", "recipient_no")) \
	X(municipality, CT_TEXT, CW_EDIT, "municipality", N_("municipality"), CF_EXPORT, CLIENT_SHORT, NULL, NULL, \
	  CLIENT_ALIASES("市町村", "市町村名", "支給決定市町村", "支給市町村", "自治体", "municipality")) \
	X(address, CT_TEXT, CW_EDIT, "address", N_("address"), CF_EXPORT, CLIENT_SHORT, NULL, NULL, \
	  CLIENT_ALIASES("住所", "address")) \
	X(phone, CT_TEXT, CW_EDIT, "phone", N_("phone"), CF_EXPORT, 40, NULL, NULL, \
	  CLIENT_ALIASES("電話", "電話番号", "tel", "phone", "phone number")) \
	X(housing, CT_TEXT, CW_EDIT, "housing", N_("housing"), CF_EXPORT, CLIENT_SHORT, NULL, NULL, \
	  CLIENT_ALIASES("住環境", "住居", "housing")) \
	X(disability, CT_TEXT, CW_EDIT, "disability", N_("disability"), CF_EXPORT, CLIENT_SHORT, NULL, NULL, \
	  CLIENT_ALIASES("障害名", "疾患名", "障害名・疾患名", "障害", "disability", "diagnosis")) \
	X(handbook_kind, CT_TEXT, CW_EDIT, "handbook-kind", N_("handbook kind"), CF_EXPORT, CLIENT_SHORT, NULL, NULL, \
	  CLIENT_ALIASES("手帳種別", "手帳", "手帳の種類", "handbook", "handbook kind", "handbook-kind")) \
	X(handbook_grade, CT_TEXT, CW_EDIT, "handbook-grade", N_("handbook grade"), CF_EXPORT, CLIENT_SHORT, NULL, NULL, \
	  CLIENT_ALIASES("手帳等級", "等級", "handbook grade", "handbook-grade")) \
	X(support_level, CT_LEVEL, CW_EDIT, "support-level", N_("support level"), CF_EXPORT, \
	  6, client_check_support_level, NULL, \
	  CLIENT_ALIASES("障害支援区分", "支援区分", "support level", "support-level")) \
	X(copay_cap_yen, CT_YEN, CW_EDIT, "copay-cap", N_("co-payment cap (yen)"), CF_EXPORT, \
	  1000000, client_check_copay_cap, NULL, \
	  CLIENT_ALIASES("負担上限月額", "利用者負担上限月額", "上限月額", "負担上限額", "copay cap", \
			 "copay-cap", "co-payment cap", "co-payment cap (yen)")) \
	X(status, CT_CHOICE, CW_STATE, "status", N_("status"), CF_EXPORT, 0, NULL, &client_statuses, \
	  CLIENT_ALIASES("状態", "利用状態", "status")) \
	X(closed_on, CT_DATE, CW_STATE, "closed-on", N_("closed on"), CF_EXPORT, 0, NULL, NULL, \
	  CLIENT_ALIASES("終結日", "closed on", "closed-on", "closed")) \
	X(remarks, CT_TEXT, CW_EDIT, "remarks", N_("remarks"), CF_MULTILINE | CF_EXPORT, STORE_TEXT_MAX, NULL, NULL, \
	  CLIENT_ALIASES("備考", "メモ", "remarks", "notes", "memo"))

/* Columns kept beside the fields, derived from them on every write:
 * X(column, hook) with hook returning the value (caller frees).  The
 * list sorts by sort_key (the folded kana, else the name); the search
 * looks in search_key (folded name and kana, without spaces); a query
 * of digits also in the recipient numbers (CLIENT_FILTER in client.c). */
#define CLIENT_KEYS(X) \
	X(sort_key, client_sort_key) \
	X(search_key, client_search_key)

#define CLIENT_CT_CT_TEXT char *
#define CLIENT_CT_CT_CHOICE char *
#define CLIENT_CT_CT_DATE date_t
#define CLIENT_CT_CT_LEVEL int
#define CLIENT_CT_CT_YEN int64_t
#define CLIENT_MEMBER(m, t, ...) CLIENT_CT_##t m;

typedef struct client {
	int64_t id;
	int64_t version;
	CLIENT_FIELDS(CLIENT_MEMBER)
} client;

typedef int (*client_check_fn)(const client *c, tsu_err *e);
int client_check_birth(const client *c, tsu_err *e);
int client_check_recipient_no(const client *c, tsu_err *e);
int client_check_support_level(const client *c, tsu_err *e);
int client_check_copay_cap(const client *c, tsu_err *e);
char *client_sort_key(const client *c);
char *client_search_key(const client *c);

/* A client with every text field "", choices at their default and
 * numbers and dates unknown. */
void client_init(client *c);
void client_free(client *c);   /* frees the fields, not c */

/* One field of CLIENT_FIELDS as data. */
typedef struct client_field {
	const char *name;              /* see CLIENT_FIELDS */
	const char *label;             /* N_() */
	const char *col;
	const char *bind;              /* ":col" */
	client_type type;
	bool state;                    /* CW_STATE */
	unsigned flags;
	size_t off;                    /* offsetof in struct client */
	size_t max;
	client_check_fn check;
	const client_choice *choice;
	const char *const *aliases;
} client_field;
extern const client_field client_fields[];    /* NULL name ends it */
/* The field called name, or NULL. */
const client_field *client_field_named(const char *name);
/* Does a form, `client add/edit` and client_set take it (not the state)? */
bool client_field_editable(const client_field *f);

/* The word `export clients` writes for a value of a choice field (the
 * value itself when it has none). */
const char *client_choice_word(const client_choice *ch, const char *value);
/* The value a word stands for (folded comparison; "" is the default),
 * or NULL when it is none of them. */
const char *client_choice_value(const client_choice *ch, const char *word);

/* A field as a card or `client show` prints it (caller frees): a
 * choice by its label, a CF_AGE date with 和暦 and the age on today. */
char *client_field_show(const client *c, const client_field *f, date_t today);
/* The initials --initials prints instead of the names: from the kana
 * (Y.T.), "?." without one. */
char *client_initials(const client *c);

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
