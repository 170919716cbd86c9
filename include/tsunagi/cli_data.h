/*
 * cli_data.h - the commands that move data across the border: import,
 * export of clients, notes, plans and everything (CSV or JSON), backup
 * and restore.  `tsunagi export ical` stays with cmd_export, which hands
 * every other export target to cmd_export_data.
 */
#ifndef TSUNAGI_CLI_DATA_H
#define TSUNAGI_CLI_DATA_H

#include "tsunagi/cli.h"

/* tsunagi import clients FILE [--encoding auto|utf-8|cp932] [--dry-run] [--skip-bad]
 * tsunagi import all FILE.json */
int cmd_import(cli_ctx *ctx, int argc, char **argv);
/* tsunagi export clients|notes|plans|all [--format csv|json]
 *        [--encoding utf-8|cp932] [-o FILE]   (argv[0] "export", argv[1] the target) */
int cmd_export_data(cli_ctx *ctx, int argc, char **argv);
/* tsunagi backup FILE */
int cmd_backup(cli_ctx *ctx, int argc, char **argv);
/* tsunagi restore FILE [--yes] */
int cmd_restore(cli_ctx *ctx, int argc, char **argv);

#endif
