/*
 * seed.h - records written down as data (the files of data/demo, compiled in)
 * and the small loader that makes them through the store's own calls.
 * The demo (src/cli/cmd_demo.c) is its user.
 *
 * A seed file is lines:
 *   # a comment
 *   == SECTION                 the blocks below belong to SECTION
 *   [VERB KIND LABEL]          a block: one record
 *   column: value              a field by its column (records.h)
 * VERB is add (a new KIND), set (change the record the code hands over,
 * before the code adds it), update (a stored one: `id: $x`, or `first:
 * $p` for the first of KIND under the parent $p), finalise or revise
 * (a plan: `id:` and `on:`).  LABEL (add, update, revise) names the
 * record for the blocks after it.  Values:
 *   dates   today or $name or $name.column, then any of +N -N (days),
 *           +Nm -Nm (months), +Ny -Ny (years), /N (day N of that month),
 *           /last (its last day): "$plan.period_from+3m/10"
 *   ids     $name (a labelled record or a number the code binds), or $name.column
 *   months  $name or $name.column, or YYYY-MM
 *   other   text as the form takes it; ${name} or ${name.column} inside
 *           is replaced, \n is a new line and \\ a backslash
 * A malformed line is refused when the seed is read, with file:line.
 */
#ifndef TSUNAGI_SEED_H
#define TSUNAGI_SEED_H

#include <stdbool.h>
#include <stdint.h>

#include "tsunagi/date.h"
#include "tsunagi/db.h"
#include "tsunagi/err.h"
#include "tsunagi/record.h"
#include "tsunagi/store_client.h"

/* The compiled-in files (generated from data/demo/ by make); a NULL
 * name ends the list. */
typedef struct seed_file { const char *name, *text; } seed_file;
extern const seed_file seed_files[];

typedef struct seed seed;

seed *seed_new(void);
void seed_free(seed *s);
/* Read one file's text (file names it in messages); on error nothing of
 * the file is kept and e says file:line and what is wrong. */
int seed_parse(seed *s, const char *file, const char *text, tsu_err *e);
/* A new seed with every compiled-in file. */
int seed_load(seed **out, tsu_err *e);

/* Names the values refer to ($name); a name bound again is replaced. */
void seed_bind_id(seed *s, const char *name, int64_t id);
void seed_bind_date(seed *s, const char *name, date_t d);
void seed_bind_month(seed *s, const char *name, month_t m);
void seed_bind_text(seed *s, const char *name, const char *text);

/* Whether SECTION has blocks. */
bool seed_has(const seed *s, const char *section);
/* Make SECTION's add, update, finalise and revise blocks, in order (its
 * set blocks are for seed_set).  A section with none is no error. */
int seed_run(seed *s, db *d, const char *section, tsu_err *e);
/* Apply SECTION's `set KIND` blocks for rt's KIND to rec; inside them
 * $KIND is rec itself ("$certificate.valid_from"). */
int seed_set(seed *s, const char *section, const record_type *rt, void *rec, tsu_err *e);
/* The same for `set client` blocks. */
int seed_set_client(seed *s, const char *section, client *c, tsu_err *e);
/* Set a client's field by its column (name, birth_on, case_kind,
 * recipient_no, support_level ...) from text as a form takes it ("" is
 * unknown): the one place that knows how the client's fields are set. */
int seed_client_set(client *c, const char *col, const char *text, tsu_err *e);

#endif
