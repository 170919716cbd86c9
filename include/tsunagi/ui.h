/*
 * ui.h - the full-screen UI, opened by `tsunagi` with no command.
 */
#ifndef TSUNAGI_UI_H
#define TSUNAGI_UI_H

#include <sys/types.h>

#include "tsunagi/date.h"
#include "tsunagi/db.h"

/* What the program around the UI gives it: the day, the database when
 * the UI can start (after the terminal and locale checks, so that a
 * refused start creates no database), and a way to start the day's
 * integrity check in the background. */
typedef struct ui_host {
	date_t today;
	void *arg;                              /* handed back to the two below */
	db *(*open_db)(void *arg);              /* NULL after printing why */
	pid_t (*start_check)(void *arg);        /* the check's pid to reap, or 0 */
} ui_host;

/*
 * Run the UI until the worker leaves, or a hang-up, SIGTERM or a closed
 * terminal ends it (open forms are saved as drafts first).  Returns an
 * exit code: EXIT_SUCCESS, or EXIT_FAILURE after one line on stderr,
 * e.g. for a locale that is not UTF-8.
 */
int ui_run(const ui_host *host);

#endif
