/*
 * import.h - bringing data in: a client roster from CSV (what offices
 * keep in Excel, usually saved as CP932) and a whole database from the
 * lossless JSON that `tsunagi export all --format json` writes.
 *
 * Both are all or nothing by default.  A roster import checks every row
 * first and lists every problem by line, column and reason; only when
 * no row is bad (or, with skip_bad, for the good rows) does it write,
 * in one transaction.
 */
#ifndef TSUNAGI_IMPORT_H
#define TSUNAGI_IMPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "tsunagi/db.h"
#include "tsunagi/encoding.h"
#include "tsunagi/err.h"

typedef struct import_problem {
	size_t line;        /* physical line in the file, 1-based */
	size_t column;      /* 1-based column, 0 when about the whole row */
	char *header;       /* the column's header as written, or NULL */
	char *reason;       /* one line: what is wrong and what to do */
} import_problem;

typedef struct import_opts {
	bool auto_encoding;     /* guess between UTF-8 and CP932 */
	enum enc encoding;      /* when not auto */
	bool dry_run;           /* check and report; write nothing */
	bool skip_bad;          /* import the good rows, list the bad */
} import_opts;

typedef struct import_report {
	enum enc encoding;
	bool guessed;           /* the encoding was detected, not given */
	bool had_bom;
	char *columns;          /* "氏名 → name, …" for the report, caller frees via import_report_free */
	size_t rows;            /* data rows (blank rows are not counted) */
	size_t good, bad;
	size_t imported;        /* clients written (0 on dry run or failure) */
	size_t certificates;    /* 支給決定期間 certificates written with them */
	import_problem *problems;   /* sorted by line, then column */
	size_t nproblems;
} import_report;

void import_report_free(import_report *r);

/* Read a whole file, or standard input for "-" (caller frees *out, which
 * is NUL-terminated).  The message names the file.  At most
 * IMPORT_MAX_BYTES: /dev/zero or a runaway pipe stops there. */
#define IMPORT_MAX_BYTES (64 << 20)
int import_read_file(const char *path, char **out, size_t *len, tsu_err *e);

/*
 * Import a client roster from buf[0..len).  db may be NULL only for a
 * dry run (no database yet: nothing to compare recipient numbers with).
 * Returns TSU_OK when every row was imported (or, for a dry run, would
 * be), TSU_OK with problems listed when skip_bad imported the good rows,
 * TSU_EINVAL when problems stopped the import (nothing written; e says
 * how many), or another error for the database.
 */
int import_clients(db *db, const char *buf, size_t len, const import_opts *o,
		   import_report *r, tsu_err *e);

/* The header names the roster reader knows for a client field (the
 * first is the one export writes), NULL-terminated; NULL for an unknown
 * field.  Fields are client_fields' names (their aliases, CLIENT_FIELDS)
 * plus the import's own: "family", "given", "kana-family", "kana-given",
 * "decision-from", "decision-to" and "guardian". */
const char *const *import_client_aliases(const char *field);

/*
 * Import a whole database from the JSON of `export all` into db, which
 * must hold no records at all (else TSU_EINVAL saying so).  One
 * transaction: any problem leaves db as it was; e names the table, the
 * row and what is wrong.  *rows (if given) gets the number of rows.
 */
int import_all_json(db *db, const char *buf, size_t len, size_t *rows, tsu_err *e);

#endif
