/*
 * cli_spool.c - `--print [PRINTER]` on the commands that make a PDF:
 * the option's spelling, its check, and the send through CUPS
 * (spool.h) with the one-line confirmation or error.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tsunagi/cli.h"
#include "tsunagi/config.h"
#include "tsunagi/i18n.h"
#include "tsunagi/spool.h"
#include "tsunagi/text.h"

char **cli_spell_print(int argc, char **argv, int *out_argc)
{
	char **v = xcalloc((size_t)argc * 2 + 1, sizeof *v);
	int n = 0;

	for (int i = 0; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0) {
			while (i < argc)
				v[n++] = argv[i++];
			break;
		}
		v[n++] = strcmp(argv[i], "-o") == 0 ? (char *)"--output" : argv[i];
		if (strcmp(argv[i], "--print") == 0 && (i + 1 >= argc || argv[i + 1][0] == '-'))
			v[n++] = (char *)"";
	}
	*out_argc = n;
	return v;
}

int cli_print_check(const char *cmd, const char *given)
{
	const char *why;
	char *shown;
	int rc;

	if (!given || !*given || !(why = spool_bad_name(given)))
		return EXIT_OK;
	shown = text_sanitize(given, false);
	rc = cli_usage(cmd, _("--print: '%s' is not a printer name: %s"), shown, why);
	free(shown);
	return rc;
}

int cli_print_send(cli_ctx *ctx, const char *given, const char *title, const char *pdf, size_t len)
{
	config cfg;
	spool_job job;
	tsu_err e;
	int rc;

	config_defaults(&cfg);
	config_load(&cfg, &e);   /* a missing or bad file: CUPS's default */
	rc = spool_send(spool_printer(given, cfg.printer), title, pdf, len, &job, &e);
	config_free(&cfg);
	if (rc != TSU_OK)
		return cli_fail(EXIT_FAIL, "%s", e.msg);
	cli_confirm(_("Sent to the printer as job %s."), job.id);
	return EXIT_OK;
}
