/*
 * cmd_backup.c - `tsunagi backup FILE` and `tsunagi restore FILE`.
 * Backup works while other sessions are writing; restore refuses a
 * database that is open elsewhere and keeps the one it replaces.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "tsunagi/backup.h"
#include "tsunagi/cli_data.h"
#include "tsunagi/i18n.h"
#include "tsunagi/xalloc.h"

static int one_file(const char *cmd, int argc, char **argv, const char **file, void (*usage)(void))
{
	cli_args a;
	int rc = cli_parse(cmd, argc, argv, NULL, NULL, &a);

	if (rc != EXIT_OK)
		return rc;
	if (a.help) {
		usage();
		rc = -1;
	} else if (a.npos != 2) {
		rc = cli_usage(cmd, a.npos < 2 ? _("give the FILE") : _("give one FILE"));
	} else {
		*file = a.pos[1];
	}
	cli_args_free(&a);
	return rc;
}

static void backup_usage(void)
{
	fputs(_("Usage: tsunagi backup FILE\n"
		"Copies the database to FILE (0600) with SQLite's online backup, also while\n"
		"another tsunagi is writing; the copy is checked with integrity_check before\n"
		"it replaces FILE.\n"), stdout);
}

static void restore_usage(void)
{
	fputs(_("Usage: tsunagi restore FILE\n"
		"Replaces the database with the backup FILE.  The backup is checked first\n"
		"(integrity and schema version); a database that another tsunagi has open\n"
		"is refused; the replaced database is kept beside it as\n"
		"DB.replaced-YYYY-MM-DD.\n"), stdout);
}

int cmd_backup(cli_ctx *ctx, int argc, char **argv)
{
	const char *file = NULL;
	tsu_err e;
	db *d;
	int rc = one_file("backup", argc, argv, &file, backup_usage);

	if (rc != EXIT_OK)
		return rc < 0 ? EXIT_OK : rc;
	/* As it is: a backup neither creates nor upgrades the database. */
	if (db_open(&d, ctx->db_path, DB_NO_MIGRATE, &e) != TSU_OK)
		return cli_fail(EXIT_FAIL, "%s", e.msg);
	rc = backup_write(d, file, &e);
	db_close(d);
	if (rc != TSU_OK)
		return cli_fail(EXIT_FAIL, "%s", e.msg);
	ctx->committed = true;
	cli_confirm(_("backed up %s to %s\n"), ctx->db_path, file);
	return EXIT_OK;
}

int cmd_restore(cli_ctx *ctx, int argc, char **argv)
{
	const char *file = NULL;
	char *kept = NULL;
	int schema = 0;
	tsu_err e;
	int rc = one_file("restore", argc, argv, &file, restore_usage);

	if (rc != EXIT_OK)
		return rc < 0 ? EXIT_OK : rc;
	if (ctx->db) {
		db_close(ctx->db);
		ctx->db = NULL;
	}
	if (backup_restore(file, ctx->db_path, ctx->today, &kept, &schema, &e) != TSU_OK)
		return cli_fail(EXIT_FAIL, "%s", e.msg);
	ctx->committed = true;
	cli_confirm(_("restored %s (schema %d) into %s\n"), file, schema, ctx->db_path);
	if (kept)
		cli_confirm(_("the replaced database is kept as %s\n"), kept);
	if (schema < db_schema_version())
		printf(_("it will be upgraded to schema %d when tsunagi next opens it\n"), db_schema_version());
	free(kept);
	return EXIT_OK;
}
