/*
 * export.h - data going out: the client roster, progress notes and plans
 * as CSV for spreadsheets and municipalities, and any of them (or the
 * whole database, losslessly) as JSON.
 *
 * CSV is built in UTF-8 with the shared writer (csv.h: RFC 4180, CRLF,
 * formula cells neutralised) and a map of where each cell starts, so a
 * character the target encoding lacks is reported by row and column.
 * The client CSV is the roster `import clients` reads, column for column.
 *
 * JSON (format documented in tsunagi(1), EXPORT FORMAT):
 *
 *	{"format": "tsunagi", "format_version": 1, "schema_version": N,
 *	 "content": "all",
 *	 "tables": {"client": [{"id": 1, "version": 1, ...}, ...], ...}}
 *
 * Every column of every row of the chosen tables (all of them but
 * `meta` for "all"), in the database's own column and row order; text as
 * JSON strings byte for byte, integers as integers, NULL as null, text
 * that is not valid UTF-8 as {"text_hex": "..."} and blobs as
 * {"blob_hex": "..."}.
 */
#ifndef TSUNAGI_EXPORT_H
#define TSUNAGI_EXPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tsunagi/db.h"
#include "tsunagi/encoding.h"
#include "tsunagi/err.h"
#include "tsunagi/xalloc.h"

typedef enum export_what {
	EXPORT_CLIENTS, EXPORT_NOTES, EXPORT_PLANS, EXPORT_ALL,
} export_what;

/* "clients", "notes", "plans", "all"; TSU_EINVAL otherwise. */
int export_what_from_name(const char *name, export_what *out, tsu_err *e);
const char *export_what_name(export_what w);

/* Where a CSV cell starts in the text, for messages. */
typedef struct export_cell {
	size_t offset;
	size_t row;             /* 1 is the header */
	const char *column;     /* the header text (static) */
	int64_t client_id;      /* 0 for the header */
} export_cell;

typedef struct export_doc {
	strbuf text;            /* UTF-8, no BOM */
	export_cell *cells;
	size_t ncells;
} export_doc;

void export_doc_free(export_doc *d);

/* The CSV of clients, notes or plans (not all).  Clients in id order
 * with their latest service certificate as the decision period; notes by
 * date; plans one row per need row. */
int export_csv(db *db, export_what what, export_doc *out, tsu_err *e);

/* The JSON document of the chosen tables. */
int export_json(db *db, export_what what, strbuf *out, tsu_err *e);

/*
 * The bytes to write: UTF-8 with a BOM when bom, or CP932 (never a BOM).
 * A character the encoding lacks fails with e naming the row, the
 * client and the column; nothing is returned then.
 */
int export_encode(const export_doc *doc, enum enc enc, bool bom,
		  char **buf, size_t *len, tsu_err *e);

#endif
