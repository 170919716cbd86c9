/*
 * cli_stats.h - `tsunagi stats` (src/cli/cmd_stats.c): the caseload
 * health figures as text, TSV or an A4 PDF page.
 */
#ifndef TSUNAGI_CLI_STATS_H
#define TSUNAGI_CLI_STATS_H

#include "tsunagi/cli.h"

int cmd_stats(cli_ctx *ctx, int argc, char **argv);

#endif
