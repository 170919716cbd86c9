/*
 * cli.h - the command line: one function per command, sharing a context.
 *
 * A command returns an exit code: EXIT_OK, EXIT_FAIL (a failure its
 * message explains) or EXIT_USAGE (bad usage).  Messages go to stderr as
 * one line: "tsunagi: <what was wrong>; <what to do>".
 */
#ifndef TSUNAGI_CLI_H
#define TSUNAGI_CLI_H

#include <stdbool.h>
#include <stdio.h>
#include <sys/types.h>

#include "tsunagi/date.h"
#include "tsunagi/db.h"
#include "tsunagi/xalloc.h"

enum { EXIT_OK = 0, EXIT_FAIL = 1, EXIT_USAGE = 2 };

typedef struct cli_ctx {
	const char *db_path;    /* resolved: --db, $TSUNAGI_DB or the XDG path */
	date_t today;           /* --today, $TSUNAGI_TODAY or the clock */
	db *db;                 /* opened by cli_db() on first use */
	const char *prog;       /* "tsunagi" */
	bool committed;         /* the command's change is in the database */
	char *config_warnings;  /* the config file's ignored lines, "" if none */
} cli_ctx;

/* Open the database on first use (creating it).  NULL after printing the
 * error; the command then returns EXIT_FAIL. */
db *cli_db(cli_ctx *ctx);

/*
 * Start the day's integrity check (`tsunagi check --daily` on the same
 * database) in a process of its own, in its own session, with standard
 * input and output on /dev/null, and return at once.  Nothing is started
 * when another check holds the lock.  detach: the process is not our
 * child (a command that exits leaves no zombie and need not wait); else
 * its pid, for the UI to reap when SIGCHLD comes.  0 when none started.
 */
pid_t cli_check_start(cli_ctx *ctx, bool detach);

/* Print "tsunagi: msg" to stderr (what it quotes sanitized, as in every
 * message below). */
void cli_message(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* A confirmation on stdout, sanitized like the messages. */
void cli_confirm(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Print "tsunagi: msg" to stderr and return the code. */
int cli_fail(int code, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Bad usage of command cmd: the message, then "see 'tsunagi CMD --help'". */
int cli_usage(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Parse a date option value; on error prints "--opt: reason" and returns
 * EXIT_USAGE, else EXIT_OK. */
/* --kind K,... of the due list and the alarm list as a set of due kinds
 * (bit 1 << enum due_kind): every kind the rules know, by its name. */
int cli_due_kinds(const char *cmd, const char *list, unsigned *kinds);
int cli_date_arg(const char *opt, const char *value, date_t *out);

/* The worker's name for report headers: config "worker", else the login. */
const char *cli_worker_name(cli_ctx *ctx);

/* Print the config file's ignored lines to stderr, "tsunagi: " before
 * each (commands whose output the settings change call it). */
void cli_config_warnings(const cli_ctx *ctx);

/* Write to -o FILE (created 0600, replaced atomically only when the whole
 * output is ready) or to stdout when path is NULL or "-".  A FIFO or
 * device is written to as it is; the database and its files are refused. */
int cli_write_output(cli_ctx *ctx, const char *path, const char *buf, size_t len);

/* EXIT_USAGE with a message when PATH (given with option OPT) is the
 * database, its -wal/-shm/-journal or a copy kept beside it. */
int cli_check_output(cli_ctx *ctx, const char *opt, const char *path);

/*
 * --print [PRINTER] (src/cli/cli_spool.c).  cli_spell_print returns
 * argv (argc entries; caller frees the array only) with "-o" spelt
 * "--output" and a "--print" not followed by a printer name given the
 * value "" (CUPS's default): the next argument is the printer when it
 * does not start with '-'.  cli_print_check says what is wrong with
 * --print's value (EXIT_USAGE) or EXIT_OK.  cli_print_send sends the
 * PDF to the printer named (given), else the config's printer, else
 * CUPS's default, and says the job id on stdout; title holds no
 * personal data ("tsunagi due 2026-11-23").
 */
char **cli_spell_print(int argc, char **argv, int *out_argc);
int cli_print_check(const char *cmd, const char *given);
int cli_print_send(cli_ctx *ctx, const char *given, const char *title, const char *pdf, size_t len);

/*
 * A small option parser for the record commands: "--key value",
 * "--key=value" and "--flag"; everything else is positional.  valued and
 * flags are NULL-terminated lists of option names without "--".  An
 * option given twice keeps the last value.  "--help" sets help.
 */
typedef struct cli_args {
	const char **keys, **vals;
	size_t n;
	char **pos;
	size_t npos;
	int help;
} cli_args;

/*
 * The value of free-text option OPT: "-" reads standard input (once per
 * command), "@FILE" a regular file (up to 1 MiB, no NUL; one trailing
 * newline dropped), "@@..." is the literal "@...".  *out is allocated.
 */
int cli_text_arg(const char *opt, const char *value, char **out);

/* EXIT_OK, or EXIT_USAGE after printing what was wrong. */
int cli_parse(const char *cmd, int argc, char **argv, const char *const *valued,
	      const char *const *flags, cli_args *out);
void cli_args_free(cli_args *a);
const char *cli_get(const cli_args *a, const char *key);   /* NULL if absent */
int cli_has(const cli_args *a, const char *key);

/* Append s sanitized, cut and padded to exactly width columns. */
void cli_cell(strbuf *b, const char *s, int width);

/* Commands; argv[0] is the command name. */
int cmd_client(cli_ctx *ctx, int argc, char **argv);
int cmd_cert(cli_ctx *ctx, int argc, char **argv);
int cmd_consent(cli_ctx *ctx, int argc, char **argv);
int cmd_contact(cli_ctx *ctx, int argc, char **argv);
int cmd_plan(cli_ctx *ctx, int argc, char **argv);
/* plan edit|row add|revise|final (src/cli/cmd_plan.c); argv[1] is the
 * subcommand. */
int cmd_plan_version(cli_ctx *ctx, int argc, char **argv);
int cmd_monitoring(cli_ctx *ctx, int argc, char **argv);
int cmd_note(cli_ctx *ctx, int argc, char **argv);
int cmd_not_done(cli_ctx *ctx, int argc, char **argv);
int cmd_provider(cli_ctx *ctx, int argc, char **argv);
int cmd_demo(cli_ctx *ctx, int argc, char **argv);
int cmd_check(cli_ctx *ctx, int argc, char **argv);
int cmd_due(cli_ctx *ctx, int argc, char **argv);        /* src/cli/cmd_due.c */
int cmd_alarms(cli_ctx *ctx, int argc, char **argv);     /* src/cli/cmd_alarms.c */
int cmd_calendar(cli_ctx *ctx, int argc, char **argv);   /* src/cli/cmd_calendar.c */
int cmd_billing(cli_ctx *ctx, int argc, char **argv);    /* src/cli/cmd_billing.c */
int cmd_export(cli_ctx *ctx, int argc, char **argv);     /* src/cli/cmd_export.c */

#endif
