/*
 * cmd_client.c - `tsunagi client add|list|show|edit|close|delete`: the
 * client register from the command line.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tsunagi/cli.h"
#include "tsunagi/i18n.h"
#include "tsunagi/records.h"
#include "tsunagi/store.h"
#include "tsunagi/store_client.h"
#include "tsunagi/text.h"
#include "tsunagi/xalloc.h"

/* --NAME VALUE for every field a worker edits (CLIENT_FIELDS). */
#define CLIENT_OPT(m, t, how, nm, ...) CLIENT_OPT_##how(nm)
#define CLIENT_OPT_CW_EDIT(nm) nm,
#define CLIENT_OPT_CW_STATE(nm)
static const char *const client_opts[] = { CLIENT_FIELDS(CLIENT_OPT) NULL };
#undef CLIENT_OPT
#undef CLIENT_OPT_CW_EDIT
#undef CLIENT_OPT_CW_STATE

void cli_cell(strbuf *b, const char *s, int width)
{
	char *clean = text_sanitize(s ? s : "", false);
	int used;
	size_t n = text_fit(clean, width, &used);

	sb_addn(b, clean, n);
	for (; used < width; used++)
		sb_addc(b, ' ');
	free(clean);
}

static int usage(void)
{
	fputs(_(
"Usage: tsunagi client add --name NAME --kana KANA --birth DATE [--FIELD VALUE ...]\n"
"       tsunagi client list [--all|--closed] [--kind K] [--search TEXT]\n"
"                           [--format text|tsv]\n"
"       tsunagi client show CLIENT\n"
"       tsunagi client edit CLIENT --FIELD VALUE ...\n"
"       tsunagi client close CLIENT [--on DATE] [--reason R] [--summary T]\n"
"       tsunagi client delete CLIENT --yes\n"
"Fields: name kana birth sex (female|male|other) kind (plan|child|transition|\n"
"retention) recipient-no municipality address phone housing disability\n"
"handbook-kind handbook-grade support-level (0-6) copay-cap remarks.\n"
"CLIENT is a client id or a 10-digit recipient number.\n"), stdout);
	return EXIT_OK;
}

/* Free text may come from a file (@FILE) or standard input (-); dates,
 * choices and numbers are given on the command line. */
static bool text_option(const char *name)
{
	const client_field *f = client_field_named(name);

	return f && f->type == CT_TEXT && !(f->flags & CF_DIGITS);
}

static int apply_fields(client *c, const cli_args *a)
{
	tsu_err e;

	for (size_t i = 0; i < a->n; i++) {
		const char *v = a->vals[i];
		char *text = NULL;
		int bad;

		if (text_option(a->keys[i])) {
			char *opt = xasprintf("--%s", a->keys[i]);
			int rc = cli_text_arg(opt, v, &text);
			free(opt);
			if (rc != EXIT_OK)
				return rc;
			v = text;
		}
		bad = client_set(c, a->keys[i], v, &e) != TSU_OK;
		free(text);
		if (bad)
			return cli_fail(EXIT_FAIL, "%s", e.msg);
	}
	return EXIT_OK;
}

static int client_add(cli_ctx *ctx, const cli_args *a)
{
	client c;
	tsu_err e;
	db *d;
	int rc;

	if (a->npos)
		return cli_usage("client add", _("unexpected '%s'"), a->pos[0]);
	if (!cli_has(a, "name"))
		return cli_usage("client add", _("--name is required"));
	if (!cli_has(a, "kana"))
		return cli_usage("client add", _("--kana (the reading, for sorting and search) is required"));
	if (!cli_has(a, "birth"))
		return cli_usage("client add", _("--birth is required"));
	client_init(&c);
	rc = apply_fields(&c, a);
	if (rc == EXIT_OK && c.birth_on > ctx->today) {
		char iso[DATE_ISO_LEN];
		date_format_iso(c.birth_on, iso);
		rc = cli_fail(EXIT_FAIL, _("birth date %s is in the future; check the date"), iso);
	}
	if (rc == EXIT_OK && !(d = cli_db(ctx)))
		rc = EXIT_FAIL;
	if (rc == EXIT_OK) {
		if (store_client_add(d, &c, &e) != TSU_OK)
			rc = cli_fail(EXIT_FAIL, "%s", e.msg);
		else {
			ctx->committed = true;
			printf("%lld\n", (long long)c.id);
		}
	}
	client_free(&c);
	return rc;
}

struct list_state {
	strbuf out;
	int tsv;
};

static void tsv_field(strbuf *b, const char *s, int last)
{
	text_sanitize_append(b, s, false);
	sb_addc(b, last ? '\n' : '\t');
}

/* A row id in decimal, by hand: snprintf was a tenth of a long listing. */
static void format_id(int64_t v, char buf[24])
{
	char tmp[24];
	size_t n = 0, i = 0;
	uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;

	do {
		tmp[n++] = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (v < 0)
		buf[i++] = '-';
	while (n)
		buf[i++] = tmp[--n];
	buf[i] = '\0';
}

static int list_row(const client_row *c, void *arg)
{
	struct list_state *st = arg;
	char iso[DATE_ISO_LEN], id[24];

	date_format_iso(c->birth_on, iso);
	format_id(c->id, id);
	if (st->tsv) {
		sb_adds(&st->out, id);
		sb_addc(&st->out, '\t');
		tsv_field(&st->out, c->name, 0);
		tsv_field(&st->out, c->kana, 0);
		sb_adds(&st->out, iso);
		sb_addc(&st->out, '\t');
		tsv_field(&st->out, c->case_kind, 0);
		tsv_field(&st->out, c->status, 1);
		return 0;
	}
	sb_addf(&st->out, "%5s  ", id);
	cli_cell(&st->out, c->name, 16);
	sb_adds(&st->out, "  ");
	cli_cell(&st->out, c->kana, 18);
	sb_adds(&st->out, "  ");
	cli_cell(&st->out, iso, 10);
	sb_adds(&st->out, "  ");
	cli_cell(&st->out, store_enum_label(c->case_kind), 14);
	sb_adds(&st->out, "  ");
	sb_adds(&st->out, store_enum_label(c->status));
	/* Trailing blanks are noise in a listing. */
	while (st->out.len && st->out.s[st->out.len - 1] == ' ')
		st->out.s[--st->out.len] = '\0';
	sb_addc(&st->out, '\n');
	return 0;
}

static int client_list(cli_ctx *ctx, const cli_args *a)
{
	client_filter f = { 0 };
	struct list_state st = { 0 };
	const char *fmt = cli_get(a, "format");
	tsu_err e;
	db *d;
	int rc = EXIT_OK;

	if (a->npos)
		return cli_usage("client list", _("unexpected '%s'"), a->pos[0]);
	if (fmt && strcmp(fmt, "text") && strcmp(fmt, "tsv"))
		return cli_usage("client list", _("--format must be text or tsv, not '%s'"), fmt);
	f.include_closed = cli_has(a, "all");
	f.only_closed = cli_has(a, "closed");
	f.case_kind = cli_get(a, "kind");
	f.search = cli_get(a, "search");
	if (f.case_kind && store_enum_index(store_case_kinds, f.case_kind) < 0)
		return cli_usage("client list", _("--kind must be one of %s"), store_enum_list(store_case_kinds));
	st.tsv = fmt && !strcmp(fmt, "tsv");
	if (!(d = cli_db(ctx)))
		return EXIT_FAIL;
	sb_init(&st.out);
	if (!st.tsv) {
		sb_addf(&st.out, "%5s  ", _("ID"));
		cli_cell(&st.out, _("Name"), 16);
		sb_adds(&st.out, "  ");
		cli_cell(&st.out, _("Kana"), 18);
		sb_adds(&st.out, "  ");
		cli_cell(&st.out, _("Birth"), 10);
		sb_adds(&st.out, "  ");
		cli_cell(&st.out, _("Case kind"), 14);
		sb_adds(&st.out, "  ");
		sb_adds(&st.out, _("Status"));
		sb_addc(&st.out, '\n');
	}
	if (store_client_rows_each(d, &f, list_row, &st, &e) != TSU_OK)
		rc = cli_fail(EXIT_FAIL, "%s", e.msg);
	else
		fwrite(st.out.s, 1, st.out.len, stdout);
	sb_free(&st.out);
	return rc;
}

static void show_line(const char *label, const char *value)
{
	strbuf b;
	char *clean = text_sanitize(value, false);

	sb_init(&b);
	cli_cell(&b, label, 24);   /* 利用者負担上限月額（円） */
	printf("%s %s\n", b.s, clean);
	sb_free(&b);
	free(clean);
}

static void show_records(db *d, int64_t client_id)
{
	void *v;
	size_t n;
	char a[DATE_ISO_LEN], b[DATE_ISO_LEN];

	if (store_record_list(d, &rt_certificate, client_id, &v, &n, NULL) == TSU_OK) {
		certificate *c = v;
		printf("\n%s\n", _("Certificates:"));
		for (size_t i = 0; i < n; i++) {
			char *num = text_sanitize(c[i].number, false);
			date_format_iso(c[i].valid_from, a);
			date_format_iso(c[i].valid_to, b);
			printf("  #%lld %s %s..%s %s\n", (long long)c[i].id,
			       store_enum_label(c[i].kind), a, b, num);
			free(num);
		}
		record_free_list(&rt_certificate, v, n);
	}
	if (store_record_list(d, &rt_consent, client_id, &v, &n, NULL) == TSU_OK) {
		consent *c = v;
		printf("\n%s\n", _("Consents:"));
		for (size_t i = 0; i < n; i++) {
			char *w = text_sanitize(c[i].shared_with, false);
			date_format_iso(c[i].valid_from, a);
			date_format_iso(c[i].valid_to, b);
			printf("  #%lld %s %s..%s%s\n", (long long)c[i].id, w, a, b,
			       c[i].withdrawn_on != DATE_NONE ? _(" (withdrawn)") : "");
			free(w);
		}
		record_free_list(&rt_consent, v, n);
	}
	if (store_record_list(d, &rt_plan, client_id, &v, &n, NULL) == TSU_OK) {
		plan *p = v;
		printf("\n%s\n", _("Plans:"));
		for (size_t i = 0; i < n; i++) {
			date_format_iso(p[i].period_from, a);
			date_format_iso(p[i].period_to, b);
			printf(_("  #%lld %s %s..%s, monitoring every %d month(s)\n"),
			       (long long)p[i].id, store_enum_label(p[i].stage), a, b,
			       p[i].monitoring_months);
		}
		record_free_list(&rt_plan, v, n);
	}
	if (store_record_list(d, &rt_monitoring, client_id, &v, &n, NULL) == TSU_OK) {
		monitoring *m = v;
		printf("\n%s\n", _("Monitorings:"));
		for (size_t i = 0; i < n; i++) {
			date_format_iso(m[i].done_on != DATE_NONE ? m[i].done_on : m[i].scheduled_on, a);
			printf("  #%lld %s %s\n", (long long)m[i].id, a,
			       m[i].done_on != DATE_NONE ? _("done") : _("scheduled"));
		}
		record_free_list(&rt_monitoring, v, n);
	}
}

static int client_show(cli_ctx *ctx, const cli_args *a)
{
	client c;
	tsu_err e;
	int64_t id;
	db *d;

	if (a->npos != 1)
		return cli_usage("client show", _("give one client: an id or a recipient number"));
	if (!(d = cli_db(ctx)))
		return EXIT_FAIL;
	if (store_client_resolve(d, a->pos[0], &id, &e) != TSU_OK ||
	    store_client_get(d, id, &c, &e) != TSU_OK)
		return cli_fail(EXIT_FAIL, "%s", e.msg);

	char buf[64], iso[DATE_ISO_LEN];
	snprintf(buf, sizeof buf, "%lld", (long long)c.id);
	show_line(_("ID"), buf);
	for (const client_field *f = client_fields; f->name; f++) {
		char *v;
		if (!client_field_editable(f))
			continue;   /* the case's state: below */
		v = client_field_show(&c, f, ctx->today);
		show_line(_(f->label), v);
		free(v);
	}
	show_line(_("Status"), store_enum_label(c.status));
	if (c.closed_on != DATE_NONE) {
		date_format_iso(c.closed_on, iso);
		show_line(_("Closed on"), iso);
	}
	show_records(d, c.id);
	client_free(&c);
	return EXIT_OK;
}

static int client_edit(cli_ctx *ctx, const cli_args *a)
{
	client c;
	tsu_err e;
	int64_t id;
	db *d;
	int rc;

	if (a->npos != 1)
		return cli_usage("client edit", _("give one client: an id or a recipient number"));
	if (a->n == 0)
		return cli_usage("client edit", _("nothing to change; give --FIELD VALUE"));
	if (!(d = cli_db(ctx)))
		return EXIT_FAIL;
	if (store_client_resolve(d, a->pos[0], &id, &e) != TSU_OK ||
	    store_client_get(d, id, &c, &e) != TSU_OK)
		return cli_fail(EXIT_FAIL, "%s", e.msg);
	rc = apply_fields(&c, a);
	if (rc == EXIT_OK && store_client_update(d, &c, &e) != TSU_OK)
		rc = cli_fail(EXIT_FAIL, "%s", e.msg);
	else if (rc == EXIT_OK)
		ctx->committed = true;
	client_free(&c);
	return rc;
}

static int client_close(cli_ctx *ctx, const cli_args *a)
{
	date_t on = ctx->today;
	const char *reason = cli_has(a, "reason") ? cli_get(a, "reason") : "";
	char *summary = NULL;
	tsu_err e;
	int64_t id;
	int rc = EXIT_OK;
	db *d;

	if (a->npos != 1)
		return cli_usage("client close", _("give one client: an id or a recipient number"));
	if (cli_has(a, "on") && cli_date_arg("--on", cli_get(a, "on"), &on) != EXIT_OK)
		return EXIT_USAGE;
	if (*reason && store_enum_index(store_close_reasons, reason) < 0)
		return cli_usage("client close", _("--reason: '%s' is not one of %s"), reason,
				 store_enum_list(store_close_reasons));
	if (cli_has(a, "summary")) {
		if ((rc = cli_text_arg("--summary", cli_get(a, "summary"), &summary)) != EXIT_OK)
			return rc;
	}
	if (!(d = cli_db(ctx))) {
		free(summary);
		return EXIT_FAIL;
	}
	if (store_client_resolve(d, a->pos[0], &id, &e) != TSU_OK ||
	    store_client_close_why(d, id, on, reason, summary ? summary : "", &e) != TSU_OK)
		rc = cli_fail(EXIT_FAIL, "%s", e.msg);
	else
		ctx->committed = true;
	free(summary);
	return rc;
}

static int client_delete(cli_ctx *ctx, const cli_args *a)
{
	tsu_err e;
	int64_t id;
	db *d;

	if (a->npos != 1)
		return cli_usage("client delete", _("give one client: an id or a recipient number"));
	if (!cli_has(a, "yes"))
		return cli_usage("client delete", _("deleting removes the client and every record about them for good; add --yes to confirm"));
	if (!(d = cli_db(ctx)))
		return EXIT_FAIL;
	if (store_client_resolve(d, a->pos[0], &id, &e) != TSU_OK ||
	    store_client_delete(d, id, &e) != TSU_OK)
		return cli_fail(EXIT_FAIL, "%s", e.msg);
	ctx->committed = true;
	return EXIT_OK;
}

int cmd_client(cli_ctx *ctx, int argc, char **argv)
{
	static const char *const list_valued[] = { "kind", "search", "format", NULL };
	static const char *const list_flags[] = { "all", "closed", NULL };
	static const char *const close_valued[] = { "on", "reason", "summary", NULL };
	static const char *const delete_flags[] = { "yes", NULL };
	static const struct {
		const char *name;
		int (*fn)(cli_ctx *, const cli_args *);
		const char *const *valued, *const *flags;
	} subs[] = {
		{ "add", client_add, client_opts, NULL },
		{ "list", client_list, list_valued, list_flags },
		{ "show", client_show, NULL, NULL },
		{ "edit", client_edit, client_opts, NULL },
		{ "close", client_close, close_valued, NULL },
		{ "delete", client_delete, NULL, delete_flags },
	};
	cli_args a;
	int rc;

	if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))
		return argc < 2 ? (usage(), EXIT_USAGE) : usage();
	for (size_t i = 0; i < sizeof subs / sizeof subs[0]; i++) {
		if (strcmp(subs[i].name, argv[1]) != 0)
			continue;
		if (cli_parse("client", argc - 2, argv + 2, subs[i].valued, subs[i].flags, &a) != EXIT_OK)
			return EXIT_USAGE;
		rc = a.help ? usage() : subs[i].fn(ctx, &a);
		cli_args_free(&a);
		return rc;
	}
	return cli_usage("client", _("unknown subcommand '%s'"), argv[1]);
}
