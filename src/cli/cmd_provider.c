/*
 * cmd_provider.c - `tsunagi provider add|list|edit|delete`: the office's
 * provider register (事業所) from the command line.  Plan rows link to a
 * provider with `plan row add|edit --provider-id N`; a provider a row
 * links to is not deleted (the store says which plan).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tsunagi/cli.h"
#include "tsunagi/i18n.h"
#include "tsunagi/records.h"
#include "tsunagi/store_provider.h"
#include "tsunagi/text.h"
#include "tsunagi/xalloc.h"

static const struct { const char *opt, *col; } provider_opts[] = {
	{ "name", "name" }, { "kinds", "service_kinds" }, { "person", "contact_person" },
	{ "phone", "phone" }, { "address", "address" }, { "remarks", "remarks" },
};
#define NOPTS (sizeof provider_opts / sizeof provider_opts[0])

static const char *const usage_text = N_(
"Usage: tsunagi provider add --name NAME [--kinds T] [--person NAME]\n"
"                [--phone P] [--address A] [--remarks T]\n"
"       tsunagi provider list\n"
"       tsunagi provider edit ID [the options of add]\n"
"       tsunagi provider delete ID --yes\n"
"The office's register of service providers (事業所): name, the kinds of\n"
"service they give, the contact person, phone and address.  A plan row\n"
"links to one with 'tsunagi plan row add|edit ... --provider-id ID', and the\n"
"plan prints its name, contact person and phone as they are when printed.\n"
"A provider a plan row links to is not deleted.\n");

static int usage(void)
{
	fputs(_(usage_text), stdout);
	return EXIT_OK;
}

static int parse_id(const char *cmd, const cli_args *a, int64_t *id)
{
	char *end;
	long long v;

	if (a->npos != 1)
		return cli_usage(cmd, a->npos ? _("unexpected argument '%s'") : _("give the provider id (see 'tsunagi provider list')"),
				 a->npos ? a->pos[1] : "");
	v = strtoll(a->pos[0], &end, 10);
	if (!a->pos[0][0] || *end || v <= 0) {
		char *shown = text_sanitize(a->pos[0], false);
		int rc = cli_usage(cmd, _("'%s' is not a provider id; give the number 'tsunagi provider list' shows"), shown);
		free(shown);
		return rc;
	}
	*id = v;
	return EXIT_OK;
}

/* The options given, each checked by the record layer. */
static int apply_opts(service_provider *p, const cli_args *a)
{
	for (size_t i = 0; i < NOPTS; i++) {
		const char *v = cli_get(a, provider_opts[i].opt);
		char *text = NULL, *opt;
		tsu_err e;
		int rc;

		if (!v)
			continue;
		opt = xasprintf("--%s", provider_opts[i].opt);
		rc = cli_text_arg(opt, v, &text);
		free(opt);
		if (rc != EXIT_OK)
			return rc;
		rc = record_set(&rt_service_provider, p, record_field(&rt_service_provider, provider_opts[i].col), text, &e);
		free(text);
		if (rc != TSU_OK)
			return cli_fail(EXIT_USAGE, "%s", e.msg);
	}
	return EXIT_OK;
}

static int provider_add(cli_ctx *ctx, const cli_args *a)
{
	service_provider p;
	tsu_err e;
	db *d;
	int rc;

	record_init(&rt_service_provider, &p);
	if (a->npos)
		rc = cli_usage("provider add", _("unexpected argument '%s'"), a->pos[0]);
	else if (!cli_has(a, "name"))
		rc = cli_usage("provider add", _("--%s is required"), "name");
	else if ((rc = apply_opts(&p, a)) != EXIT_OK)
		;
	else if (!(d = cli_db(ctx)))
		rc = EXIT_FAIL;
	else if (store_record_add(d, &rt_service_provider, &p, &e) != TSU_OK)
		rc = cli_fail(EXIT_FAIL, "%s", e.msg);
	else {
		ctx->committed = true;
		printf("%lld\n", (long long)p.id);
	}
	record_free(&rt_service_provider, &p);
	return rc;
}

static int provider_edit(cli_ctx *ctx, const cli_args *a)
{
	service_provider p;
	int64_t id;
	tsu_err e;
	db *d;
	int rc;

	if ((rc = parse_id("provider edit", a, &id)) != EXIT_OK)
		return rc;
	if (!(d = cli_db(ctx)))
		return EXIT_FAIL;
	if (store_record_get(d, &rt_service_provider, id, &p, &e) != TSU_OK)
		rc = cli_fail(EXIT_FAIL, "%s", e.msg);
	else if ((rc = apply_opts(&p, a)) == EXIT_OK && store_record_update(d, &rt_service_provider, &p, &e) != TSU_OK)
		rc = cli_fail(EXIT_FAIL, "%s", e.msg);
	if (rc == EXIT_OK) {
		ctx->committed = true;
		printf("%lld\n", (long long)id);
	}
	record_free(&rt_service_provider, &p);
	return rc;
}

static int provider_delete(cli_ctx *ctx, const cli_args *a)
{
	int64_t id;
	tsu_err e;
	db *d;
	int rc;

	if ((rc = parse_id("provider delete", a, &id)) != EXIT_OK)
		return rc;
	if (!cli_has(a, "yes"))
		return cli_usage("provider delete", _("deleting removes the provider from the register; add --yes to confirm"));
	if (!(d = cli_db(ctx)))
		return EXIT_FAIL;
	if (store_record_delete(d, &rt_service_provider, id, &e) != TSU_OK)
		return cli_fail(EXIT_FAIL, "%s", e.msg);
	ctx->committed = true;
	return EXIT_OK;
}

/* One line per provider, tab-separated, with a header of column names. */
static int provider_list(cli_ctx *ctx, const cli_args *a)
{
	service_provider *v;
	size_t n;
	tsu_err e;
	db *d;

	if (a->npos)
		return cli_usage("provider list", _("unexpected argument '%s'"), a->pos[0]);
	if (!(d = cli_db(ctx)))
		return EXIT_FAIL;
	if (store_record_list(d, &rt_service_provider, STORE_PROVIDERS, (void **)&v, &n, &e) != TSU_OK)
		return cli_fail(EXIT_FAIL, "%s", e.msg);
	fputs("id", stdout);
	for (size_t f = 0; f < rt_service_provider.nfields; f++)
		printf("\t%s", rt_service_provider.fields[f].col);
	putchar('\n');
	for (size_t i = 0; i < n; i++) {
		printf("%lld", (long long)v[i].id);
		for (size_t f = 0; f < rt_service_provider.nfields; f++) {
			char *val = record_get(&rt_service_provider.fields[f], &v[i]);
			char *clean = text_sanitize(val, false);
			printf("\t%s", clean);
			free(clean);
			free(val);
		}
		putchar('\n');
	}
	record_free_list(&rt_service_provider, v, n);
	return EXIT_OK;
}

int cmd_provider(cli_ctx *ctx, int argc, char **argv)
{
	static const char *const valued[] = { "name", "kinds", "person", "phone", "address", "remarks", NULL };
	static const char *const delete_flags[] = { "yes", NULL };
	static const struct {
		const char *name;
		int (*fn)(cli_ctx *, const cli_args *);
		const char *const *valued, *const *flags;
	} subs[] = {
		{ "add", provider_add, valued, NULL },
		{ "list", provider_list, NULL, NULL },
		{ "edit", provider_edit, valued, NULL },
		{ "delete", provider_delete, NULL, delete_flags },
	};
	cli_args a;
	int rc;

	if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))
		return argc < 2 ? (usage(), EXIT_USAGE) : usage();
	for (size_t i = 0; i < sizeof subs / sizeof subs[0]; i++) {
		if (strcmp(subs[i].name, argv[1]) != 0)
			continue;
		if (cli_parse("provider", argc - 2, argv + 2, subs[i].valued, subs[i].flags, &a) != EXIT_OK)
			return EXIT_USAGE;
		rc = a.help ? usage() : subs[i].fn(ctx, &a);
		cli_args_free(&a);
		return rc;
	}
	return cli_usage("provider", _("unknown subcommand '%s'; use add, list, edit or delete"), argv[1]);
}
