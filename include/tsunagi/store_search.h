/*
 * store_search.h - the search across every client's written records:
 * progress notes, intakes, assessments (with their ICF items) and
 * monitorings (with their rows), filtered by date and kind (issue 16,
 * item 18).  Matching folds both sides with text_fold (kana, width,
 * case), as the client list's search does.
 */
#ifndef TSUNAGI_STORE_SEARCH_H
#define TSUNAGI_STORE_SEARCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tsunagi/date.h"
#include "tsunagi/db.h"
#include "tsunagi/err.h"
#include "tsunagi/store.h"

/* The kinds of record searched: bits of text_query.kinds. */
enum {
	TS_NOTE = 1,
	TS_INTAKE = 2,
	TS_ASSESSMENT = 4,
	TS_MONITORING = 8,
	TS_ALL = 15,
};

typedef struct text_query {
	const char *words;      /* looked for as one folded string */
	date_t from, to;        /* the record's date in [from, to]; DATE_NONE: open */
	unsigned kinds;         /* TS_ bits; 0 means TS_ALL */
} text_query;

/* A record whose text holds the words. */
typedef struct text_hit {
	unsigned kind;          /* one TS_ bit */
	int64_t record_id;      /* the note, intake, assessment or monitoring */
	int64_t client_id;
	date_t on;              /* its date (a monitoring: done, else scheduled) */
	char *at;               /* a note's "HH:MM", else "" */
	char *note_kind;        /* a note's kind ("phone"), else "" */
	char *client_name, *client_kana;
	const char *field;      /* msgid of the field that matched (translate it) */
	char *text;             /* that field's text as stored (sanitize it) */
} text_hit;

/*
 * The records whose text holds q->words, newest first (date, note time,
 * kind, id), each record once (its first matching field), skipping offset
 * hits and returning at most limit; *more is true when further hits
 * follow.  Blank words, or from after to, are refused with a message
 * saying what to do.  *out: caller frees with text_hit_free_list.
 */
int store_text_search(db *db, const text_query *q, size_t limit, size_t offset,
		      text_hit **out, size_t *n, bool *more, tsu_err *e);
void text_hit_free_list(text_hit *h, size_t n);

/* The label of a TS_ kind (msgid: translate it). */
const char *store_text_kind_label(unsigned kind);

/*
 * Where words match in text, as one line to show (caller frees): the
 * text from a few characters before the first folded match (before, in
 * characters), "…" in front when it was cut there, line breaks as
 * spaces.  The text from its start when the match cannot be placed.
 */
char *store_text_snippet(const char *text, const char *words, int before);

#endif
