/*
 * cli_print.h - `tsunagi print assessment|plan|weekly|monitoring|prep
 * CLIENT [--id N] [--format pdf|text] [--initials] [-o FILE]`: the forms
 * of FORMS.md as A4 PDFs or as 80-column text for lp.
 */
#ifndef TSUNAGI_CLI_PRINT_H
#define TSUNAGI_CLI_PRINT_H

#include "tsunagi/cli.h"

/* argv[0] is "print". */
int cmd_print(cli_ctx *ctx, int argc, char **argv);

#endif
