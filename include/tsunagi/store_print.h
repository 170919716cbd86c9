/*
 * store_print.h - what the record, meeting and summary printouts read
 * beyond the generic record store: a client's notes of a period in date
 * order, the meeting a minutes print takes by default, and the
 * disclosures (情報提供) a summary print records.
 */
#ifndef TSUNAGI_STORE_PRINT_H
#define TSUNAGI_STORE_PRINT_H

#include <stddef.h>
#include <stdint.h>

#include "tsunagi/records.h"

/* The notes of client_id dated from..to (both included; DATE_NONE: no
 * bound), oldest first: by date, then time (a note without a time before
 * the timed ones of its day), then id.  *out: record_free_list(&rt_note). */
int store_notes_in_period(db *db, int64_t client_id, date_t from, date_t to,
			  note **out, size_t *n, tsu_err *e);

/* The meeting a minutes print takes without --id: the latest held on or
 * before today, else the next one planned.  TSU_ENOTFOUND when the client
 * has none. */
int store_meeting_latest(db *db, int64_t client_id, date_t today, int64_t *id, tsu_err *e);

/* The documents a disclosure names (the schema's CHECK list). */
#define STORE_DISCLOSURE_SUMMARY "summary"

/*
 * Record that document was handed to party on day `on`, covered by
 * consent_id (0: no consent in force covered it).  One transaction with
 * its audit row (tbl "disclosure", action "insert": who and when, no
 * personal text); the party's name stays in the disclosure row.
 */
int store_disclosure_add(db *db, int64_t client_id, const char *party, const char *document,
			 date_t on, int64_t consent_id, int64_t *id, tsu_err *e);

#endif
