/*
 * spool.h - sending a finished PDF to a printer through the server's
 * CUPS, for a worker on SSH whose PDF on the server is not yet paper.
 *
 * The CUPS client `lp` is run as a child (no libcups is linked: the
 * program's links stay as they are, and a machine without CUPS still
 * runs everything else).  The document goes through the child's
 * standard input, never as a path in its argv, and lp streams it to the
 * scheduler without a temporary copy of its own; what CUPS keeps in its
 * spool (/var/spool/cups, root only) is the print system's.  The argv
 * holds only the destination and the job title, and the title is built
 * by the caller from the kind of document and a date or record number
 * ("tsunagi due 2026-11-23", "tsunagi plan-final-3-12"), never a name:
 * spool_send refuses a title that is not plain ASCII so that a name
 * cannot slip into the queue's listing (lpstat) by mistake.
 *
 *	spool_job job;
 *	if (spool_send(printer, "tsunagi due 2026-11-23", pdf, len, &job, &e) == TSU_OK)
 *		printf("job %s\n", job.id);
 *
 * printer: a CUPS queue name; NULL or "" sends to CUPS's default
 * destination.  Callers choose it as --print's argument, else the
 * config's `printer`, else NULL (spool_printer does that).
 *
 * A failure changes nothing and says in one line what to do: lp not
 * installed, no default printer, an unknown printer, the scheduler not
 * running, or lp's own message.  TSU_EINVAL for a bad printer name or
 * title (checked before anything runs), TSU_EFAIL otherwise.
 */
#ifndef TSUNAGI_SPOOL_H
#define TSUNAGI_SPOOL_H

#include <stdbool.h>
#include <stddef.h>

#include "tsunagi/err.h"

/* A CUPS name is at most 127 bytes (lpadmin). */
enum { SPOOL_NAME_MAX = 127 };

typedef struct spool_job {
	char id[SPOOL_NAME_MAX + 32];   /* lp's request id, "QUEUE-12" */
} spool_job;

/* Send len bytes of a PDF held in memory. */
int spool_send(const char *printer, const char *title, const char *pdf, size_t len,
	       spool_job *job, tsu_err *e);

/* Send the PDF file at path (opened here and given to lp as its
 * standard input; the path itself is not passed on). */
int spool_send_file(const char *printer, const char *title, const char *path,
		    spool_job *job, tsu_err *e);

/* The destination: given when not NULL and not "" (--print NAME), else
 * configured when not "" (the config's printer), else NULL (CUPS's
 * default). */
const char *spool_printer(const char *given, const char *configured);

/* Why name is not a CUPS queue name (translated), or NULL when it is:
 * 1 to 127 bytes of printable characters other than space, '/', '\\',
 * '#', quotes, and not starting with '-'.  The config and --print share
 * it. */
const char *spool_bad_name(const char *name);

/* The request id in lp's output ("request id is Q-12 (1 file(s))"),
 * copied into job; false when there is none. */
bool spool_parse_request(const char *out, spool_job *job);

#endif
