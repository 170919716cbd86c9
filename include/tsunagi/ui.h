/*
 * ui.h - the full-screen UI, opened by `tsunagi` with no command.
 */
#ifndef TSUNAGI_UI_H
#define TSUNAGI_UI_H

#include "tsunagi/cli.h"

/*
 * Run the UI on the context's database until the worker leaves, or a
 * hang-up, SIGTERM or a closed terminal ends it (open forms are saved as
 * drafts first).  Returns an exit code (EXIT_OK, or EXIT_FAIL after one
 * line on stderr, e.g. for a locale that is not UTF-8).
 */
int ui_run(cli_ctx *ctx);

#endif
