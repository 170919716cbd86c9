/*
 * client.c - the client register.  Sort and search keys are folded
 * copies kept beside the typed text, which is stored exactly as typed.
 */
#include <ctype.h>
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "tsunagi/i18n.h"
#include "tsunagi/store.h"
#include "tsunagi/store_client.h"
#include "tsunagi/text.h"
#include "tsunagi/xalloc.h"

#define CLIENT_COLUMNS \
	"id, version, name, kana, birth_on, sex, case_kind, status, closed_on," \
	" recipient_no, municipality, address, phone, housing, disability," \
	" handbook_kind, handbook_grade, support_level, copay_cap_yen, remarks"

void client_init(client *c)
{
	memset(c, 0, sizeof *c);
	c->name = xstrdup("");
	c->kana = xstrdup("");
	c->birth_on = DATE_NONE;
	c->sex = xstrdup("");
	c->case_kind = xstrdup("plan");
	c->status = xstrdup("active");
	c->closed_on = DATE_NONE;
	c->recipient_no = xstrdup("");
	c->municipality = xstrdup("");
	c->address = xstrdup("");
	c->phone = xstrdup("");
	c->housing = xstrdup("");
	c->disability = xstrdup("");
	c->handbook_kind = xstrdup("");
	c->handbook_grade = xstrdup("");
	c->support_level = -1;
	c->copay_cap_yen = -1;
	c->remarks = xstrdup("");
}

void client_free(client *c)
{
	char **f[] = { &c->name, &c->kana, &c->sex, &c->case_kind, &c->status,
		&c->recipient_no, &c->municipality, &c->address, &c->phone,
		&c->housing, &c->disability, &c->handbook_kind,
		&c->handbook_grade, &c->remarks };
	for (size_t i = 0; i < sizeof f / sizeof f[0]; i++)
		x_free(f[i]);
}

static void read_row(db_stmt *s, client *c)
{
	c->id = db_col_int64(s, 0);
	c->version = db_col_int64(s, 1);
	c->name = db_col_strdup(s, 2);
	c->kana = db_col_strdup(s, 3);
	c->birth_on = db_col_date(s, 4);
	c->sex = db_col_strdup(s, 5);
	c->case_kind = db_col_strdup(s, 6);
	c->status = db_col_strdup(s, 7);
	c->closed_on = db_col_date(s, 8);
	c->recipient_no = db_col_strdup(s, 9);
	c->municipality = db_col_strdup(s, 10);
	c->address = db_col_strdup(s, 11);
	c->phone = db_col_strdup(s, 12);
	c->housing = db_col_strdup(s, 13);
	c->disability = db_col_strdup(s, 14);
	c->handbook_kind = db_col_strdup(s, 15);
	c->handbook_grade = db_col_strdup(s, 16);
	c->support_level = db_col_null(s, 17) ? -1 : db_col_int(s, 17);
	c->copay_cap_yen = db_col_null(s, 18) ? -1 : db_col_int64(s, 18);
	c->remarks = db_col_strdup(s, 19);
}

static bool all_digits(const char *s)
{
	for (; *s; s++)
		if (!isdigit((unsigned char)*s))
			return false;
	return true;
}

/* Required on every path (CLI add and edit, forms, imports): the check
 * lives here, where each of them ends. */
int client_check_required(const client *c, tsu_err *e)
{
	if (store_check_text(_("name"), c->name, STORE_NAME_MAX, true, e) != TSU_OK ||
	    store_check_text(_("kana"), c->kana, STORE_NAME_MAX, true, e) != TSU_OK)
		return TSU_EINVAL;
	if (c->birth_on == DATE_NONE)
		return err_set(e, TSU_EINVAL, _("birth date: must not be empty"));
	return TSU_OK;
}

int client_validate(const client *c, tsu_err *e)
{
	const struct { const char *label; const char *v; size_t max; bool req; } f[] = {
		{ _("name"), c->name, STORE_NAME_MAX, false },
		{ _("kana"), c->kana, STORE_NAME_MAX, false },
		{ _("recipient number"), c->recipient_no, 10, false },
		{ _("municipality"), c->municipality, STORE_SHORT_MAX, false },
		{ _("address"), c->address, STORE_SHORT_MAX, false },
		{ _("phone"), c->phone, 40, false },
		{ _("housing"), c->housing, STORE_SHORT_MAX, false },
		{ _("disability"), c->disability, STORE_SHORT_MAX, false },
		{ _("handbook kind"), c->handbook_kind, STORE_SHORT_MAX, false },
		{ _("handbook grade"), c->handbook_grade, STORE_SHORT_MAX, false },
		{ _("remarks"), c->remarks, STORE_TEXT_MAX, false },
	};
	for (size_t i = 0; i < sizeof f / sizeof f[0]; i++)
		if (store_check_text(f[i].label, f[i].v, f[i].max, f[i].req, e) != TSU_OK)
			return TSU_EINVAL;
	if (client_check_required(c, e) != TSU_OK)
		return TSU_EINVAL;
	if (c->recipient_no[0] && (strlen(c->recipient_no) != 10 || !all_digits(c->recipient_no)))
		return err_set(e, TSU_EINVAL, _("recipient number: '%s' must be 10 digits as printed on the certificate"), c->recipient_no);
	if (store_enum_index(store_case_kinds, c->case_kind) < 0)
		return err_set(e, TSU_EINVAL, _("case kind: '%s' is not one of %s"), c->case_kind, store_enum_list(store_case_kinds));
	if (store_enum_index(store_sexes, c->sex) < 0)
		return err_set(e, TSU_EINVAL, _("sex: '%s' is not one of %s"), c->sex, store_enum_list(store_sexes));
	if (c->support_level < -1 || c->support_level > 6)
		return err_set(e, TSU_EINVAL, _("support level: %d is not 0 (非該当) to 6"), c->support_level);
	if (c->copay_cap_yen < -1)
		return err_set(e, TSU_EINVAL, _("co-payment cap: must be 0 yen or more"));
	return TSU_OK;
}

/* Sort by the reading; a client without one sorts by the name. */
static char *sort_key(const client *c)
{
	return text_fold(c->kana[0] ? c->kana : c->name);
}

static char *squeeze_spaces(char *s)
{
	char *w = s;
	for (char *r = s; *r; r++)
		if (*r != ' ')
			*w++ = *r;
	*w = '\0';
	return s;
}

static char *search_key(const client *c)
{
	char *n = squeeze_spaces(text_fold(c->name));
	char *k = squeeze_spaces(text_fold(c->kana));
	char *key = xasprintf("%s\x1f%s", n, k);
	free(n);
	free(k);
	return key;
}

static void bind_fields(db_stmt *s, const client *c)
{
	char *sk = sort_key(c), *qk = search_key(c);

	db_bind_text(s, ":name", c->name);
	db_bind_text(s, ":kana", c->kana);
	db_bind_text(s, ":sort_key", sk);
	db_bind_text(s, ":search_key", qk);
	db_bind_date(s, ":birth_on", c->birth_on);
	db_bind_text(s, ":sex", c->sex);
	db_bind_text(s, ":case_kind", c->case_kind);
	db_bind_text(s, ":recipient_no", c->recipient_no);
	db_bind_text(s, ":municipality", c->municipality);
	db_bind_text(s, ":address", c->address);
	db_bind_text(s, ":phone", c->phone);
	db_bind_text(s, ":housing", c->housing);
	db_bind_text(s, ":disability", c->disability);
	db_bind_text(s, ":handbook_kind", c->handbook_kind);
	db_bind_text(s, ":handbook_grade", c->handbook_grade);
	if (c->support_level >= 0)
		db_bind_int(s, ":support_level", c->support_level);
	else
		db_bind_null(s, ":support_level");
	if (c->copay_cap_yen >= 0)
		db_bind_int64(s, ":copay_cap_yen", c->copay_cap_yen);
	else
		db_bind_null(s, ":copay_cap_yen");
	db_bind_text(s, ":remarks", c->remarks);
	free(sk);
	free(qk);
}

static int check_recipient_unique(db *d, const client *c, tsu_err *e)
{
	int64_t other;

	if (!c->recipient_no[0])
		return TSU_OK;
	other = store_client_by_recipient(d, c->recipient_no, c->id);
	if (other)
		return err_set(e, TSU_EINVAL, _("recipient number %s is already client %lld's; check the number"),
			       c->recipient_no, (long long)other);
	return TSU_OK;
}

int store_client_add(db *d, client *c, tsu_err *e)
{
	db_stmt *s;

	if (client_validate(c, e) != TSU_OK)
		return TSU_EINVAL;
	if (db_begin(d, e) != TSU_OK)
		return TSU_EIO;
	c->id = 0;
	if (check_recipient_unique(d, c, e) != TSU_OK)
		goto fail;
	s = db_prepare(d,
		"INSERT INTO client (name, kana, sort_key, search_key, birth_on, sex,"
		" case_kind, recipient_no, municipality, address, phone, housing,"
		" disability, handbook_kind, handbook_grade, support_level,"
		" copay_cap_yen, remarks)"
		" VALUES (:name, :kana, :sort_key, :search_key, :birth_on, :sex,"
		" :case_kind, :recipient_no, :municipality, :address, :phone, :housing,"
		" :disability, :handbook_kind, :handbook_grade, :support_level,"
		" :copay_cap_yen, :remarks)");
	bind_fields(s, c);
	if (db_exec(s, e) != TSU_OK)
		goto fail;
	c->id = db_last_insert_id(d);
	c->version = 1;
	if (db_audit(d, "client", c->id, "insert", e) != TSU_OK)
		goto fail;
	return db_commit(d, e);
fail:
	db_rollback(d);
	c->id = 0;
	return e ? e->code : TSU_EFAIL;
}

int store_client_get(db *d, int64_t id, client *c, tsu_err *e)
{
	db_stmt *s = db_prepare(d, "SELECT " CLIENT_COLUMNS " FROM client WHERE id = :id");
	int rc;

	memset(c, 0, sizeof *c);
	db_bind_int64(s, ":id", id);
	rc = db_step(s);
	if (rc == DB_ROW) {
		read_row(s, c);
		db_reset(s);
		return TSU_OK;
	}
	db_reset(s);
	client_init(c);
	if (rc < 0)
		return db_error(d, e, _("reading the client"));
	return err_set(e, TSU_ENOTFOUND, _("no client with id %lld; 'tsunagi client list --all' shows the ids"), (long long)id);
}

int store_client_update(db *d, client *c, tsu_err *e)
{
	db_stmt *s;

	if (client_validate(c, e) != TSU_OK)
		return TSU_EINVAL;
	if (db_begin(d, e) != TSU_OK)
		return TSU_EIO;
	if (check_recipient_unique(d, c, e) != TSU_OK)
		goto fail;
	s = db_prepare(d,
		"UPDATE client SET name = :name, kana = :kana, sort_key = :sort_key,"
		" search_key = :search_key, birth_on = :birth_on, sex = :sex,"
		" case_kind = :case_kind, recipient_no = :recipient_no,"
		" municipality = :municipality, address = :address, phone = :phone,"
		" housing = :housing, disability = :disability,"
		" handbook_kind = :handbook_kind, handbook_grade = :handbook_grade,"
		" support_level = :support_level, copay_cap_yen = :copay_cap_yen,"
		" remarks = :remarks, version = version + 1,"
		" updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"
		" WHERE id = :id AND version = :version");
	bind_fields(s, c);
	db_bind_int64(s, ":id", c->id);
	db_bind_int64(s, ":version", c->version);
	if (db_exec(s, e) != TSU_OK)
		goto fail;
	if (db_check_updated(d, "SELECT 1 FROM client WHERE id = :id", c->id, e) != TSU_OK)
		goto fail;
	if (db_audit(d, "client", c->id, "update", e) != TSU_OK)
		goto fail;
	if (db_commit(d, e) != TSU_OK)
		return e ? e->code : TSU_EIO;
	c->version++;
	return TSU_OK;
fail:
	db_rollback(d);
	return e ? e->code : TSU_EFAIL;
}

int store_client_close(db *d, int64_t id, date_t on, tsu_err *e)
{
	return store_client_close_why(d, id, on, "", "", e);
}

int store_client_close_why(db *d, int64_t id, date_t on, const char *reason,
			   const char *summary, tsu_err *e)
{
	db_stmt *s;

	if (on == DATE_NONE)
		return err_set(e, TSU_EINVAL, _("closed on: a date is needed (like 2025-04-01 or R7.4.1)"));
	if (*reason && store_enum_index(store_close_reasons, reason) < 0)
		return err_set(e, TSU_EINVAL, _("reason: '%s' is not one of %s"), reason,
			       store_enum_list(store_close_reasons));
	if (!strcmp(reason, "other") && !summary[0])
		return err_set(e, TSU_EINVAL, _("reason 'other': say what in the summary"));
	if (store_check_text(_("summary"), summary, STORE_TEXT_MAX, false, e) != TSU_OK)
		return TSU_EINVAL;
	if (db_begin(d, e) != TSU_OK)
		return TSU_EIO;
	s = db_prepare(d,
		"UPDATE client SET status = 'closed', closed_on = :on, closed_reason = :reason,"
		" closing_summary = :summary, version = version + 1,"
		" updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"
		" WHERE id = :id AND status = 'active'");
	db_bind_date(s, ":on", on);
	db_bind_text(s, ":reason", reason);
	db_bind_text(s, ":summary", summary);
	db_bind_int64(s, ":id", id);
	if (db_exec(s, e) != TSU_OK)
		goto fail;
	if (db_changes(d) == 0) {
		client c;
		int rc = store_client_get(d, id, &c, e);
		client_free(&c);
		if (rc == TSU_OK)
			err_set(e, TSU_EINVAL, _("client %lld is already closed"), (long long)id);
		goto fail;
	}
	if (db_audit(d, "client", id, "close", e) != TSU_OK)
		goto fail;
	return db_commit(d, e);
fail:
	db_rollback(d);
	return e ? e->code : TSU_EFAIL;
}

int store_client_closing(db *d, int64_t id, char **reason, char **summary, tsu_err *e)
{
	db_stmt *s = db_prepare(d, "SELECT closed_reason, closing_summary FROM client WHERE id = :id");
	int rc;

	*reason = *summary = NULL;
	db_bind_int64(s, ":id", id);
	rc = db_step(s);
	if (rc == DB_ROW) {
		*reason = db_col_strdup(s, 0);
		*summary = db_col_strdup(s, 1);
	}
	db_reset(s);
	if (rc < 0)
		return db_error(d, e, _("reading the client"));
	if (rc != DB_ROW)
		return err_set(e, TSU_ENOTFOUND, _("no client %lld"), (long long)id);
	return TSU_OK;
}

int store_client_delete(db *d, int64_t id, tsu_err *e)
{
	db_stmt *s;

	if (db_begin(d, e) != TSU_OK)
		return TSU_EIO;
	s = db_prepare(d, "DELETE FROM client WHERE id = :id");
	db_bind_int64(s, ":id", id);
	if (db_exec(s, e) != TSU_OK)
		goto fail;
	if (db_changes(d) == 0) {
		err_set(e, TSU_ENOTFOUND, _("no client with id %lld"), (long long)id);
		goto fail;
	}
	/* Deleting is for good: the client's drafts (forms left open, with
	 * their name and whatever was typed) go too; draft has no foreign
	 * key to client, so they would survive otherwise.  Found by the
	 * confidentiality test (tests/stress/s_confidential.sh). */
	s = db_prepare(d, "DELETE FROM draft WHERE client_id = :id");
	db_bind_int64(s, ":id", id);
	if (db_exec(s, e) != TSU_OK)
		goto fail;
	if (db_audit(d, "client", id, "delete", e) != TSU_OK)
		goto fail;
	if (db_commit(d, e) != TSU_OK)
		return e ? e->code : TSU_EIO;
	db_wal_truncate(d);
	return TSU_OK;
fail:
	db_rollback(d);
	return e ? e->code : TSU_EFAIL;
}

/*
 * The list's filter, one text for every statement: status, kind, and a
 * search in the folded name and kana, or, for a query of digits, in the
 * recipient numbers (the client's and her certificates'), as a worker
 * with the certificate in hand types them.
 */
#define CLIENT_FILTER \
	" (:all OR status = :status)" \
	" AND (:kind IS NULL OR case_kind = :kind)" \
	" AND (:q IS NULL OR instr(search_key, :q) > 0" \
	"      OR (:qn IS NOT NULL AND (instr(recipient_no, :qn) > 0" \
	"          OR EXISTS (SELECT 1 FROM certificate ce WHERE ce.client_id = client.id" \
	"                     AND instr(ce.number, :qn) > 0))))"

/* A query of three digits or more (after folding full-width ones) is
 * also looked for among recipient numbers. */
static bool number_query(const char *q)
{
	size_t n = strlen(q);

	return n >= 3 && strspn(q, "0123456789") == n;
}

static void bind_filter(db_stmt *s, const client_filter *f)
{
	db_bind_int(s, ":all", f && f->include_closed && !f->only_closed);
	db_bind_text(s, ":status", f && f->only_closed ? "closed" : "active");
	db_bind_text(s, ":kind", f ? f->case_kind : NULL);
	db_bind_null(s, ":q");
	db_bind_null(s, ":qn");
	if (f && f->search && *f->search) {
		char *q = squeeze_spaces(text_fold(f->search));
		if (*q)
			db_bind_text(s, ":q", q);
		if (number_query(q))
			db_bind_text(s, ":qn", q);
		free(q);
	}
}

static db_stmt *filtered(db *d, const client_filter *f, bool count)
{
	/* Constant SQL; the filter's parts are switched on by binds. */
	db_stmt *s = db_prepare(d, count ?
		"SELECT count(*) FROM client WHERE" CLIENT_FILTER :
		"SELECT " CLIENT_COLUMNS " FROM client WHERE" CLIENT_FILTER
		" ORDER BY status, sort_key, id");

	bind_filter(s, f);
	return s;
}

int store_client_each(db *d, const client_filter *f, client_fn fn, void *arg, tsu_err *e)
{
	db_stmt *s = filtered(d, f, false);
	int rc;

	while ((rc = db_step(s)) == DB_ROW) {
		client c;
		int stop;
		read_row(s, &c);
		stop = fn(&c, arg);
		client_free(&c);
		if (stop)
			break;
	}
	db_reset(s);
	if (rc < 0)
		return db_error(d, e, _("reading the clients"));
	return TSU_OK;
}

/* Counting is the one thing the UI's list asks of the whole case load:
 * without a kind or a search it is read from client_count, which
 * triggers keep (migration 0009); with them it is counted. */
static bool plain_filter(const client_filter *f)
{
	return !f || (!f->case_kind && !(f->search && *f->search));
}

static bool all_statuses(const client_filter *f)
{
	return f && f->include_closed && !f->only_closed;
}

int64_t store_client_count(db *d, const client_filter *f)
{
	db_stmt *s;

	if (!plain_filter(f))
		return db_int64_or(filtered(d, f, true), 0);
	if (all_statuses(f))
		return db_int64_or(db_prepare(d, "SELECT sum(n) FROM client_count"), 0);
	s = db_prepare(d, "SELECT n FROM client_count WHERE status = :status");
	db_bind_text(s, ":status", f && f->only_closed ? "closed" : "active");
	return db_int64_or(s, 0);
}

int64_t store_client_by_recipient(db *d, const char *recipient_no, int64_t except_id)
{
	db_stmt *s = db_prepare(d,
		/* "recipient_no <> ''" lets SQLite use the partial index
		 * client_by_recipient; without it every add scanned the
		 * whole register (found by the 100,000-client bench). */
		"SELECT id FROM client WHERE recipient_no = :no AND recipient_no <> ''"
		" AND id <> :except AND status = 'active' LIMIT 1");
	db_bind_text(s, ":no", recipient_no);
	db_bind_int64(s, ":except", except_id);
	return db_int64_or(s, 0);
}

int store_client_resolve(db *d, const char *arg, int64_t *id, tsu_err *e)
{
	char *end;
	long long v;
	db_stmt *s;

	if (!arg || !*arg)
		return err_set(e, TSU_EINVAL, _("which client? give an id or a recipient number"));
	if (!all_digits(arg))
		return err_set(e, TSU_EINVAL, _("'%s' is not a client id or recipient number; 'tsunagi client list' shows the ids"), arg);
	if (strlen(arg) == 10) {
		int64_t found = store_client_by_recipient(d, arg, 0);
		if (found) {
			*id = found;
			return TSU_OK;
		}
	}
	v = strtoll(arg, &end, 10);
	s = db_prepare(d, "SELECT id FROM client WHERE id = :id");
	db_bind_int64(s, ":id", v);
	if (*end || v <= 0 || db_int64_or(s, 0) != v)
		return err_set(e, TSU_ENOTFOUND, _("no client %s; 'tsunagi client list --all' shows the ids"), arg);
	*id = v;
	return TSU_OK;
}

const client_field client_fields[] = {
	{ "name", N_("name"), 0 },
	{ "kana", N_("kana"), 0 },
	{ "birth", N_("birth date"), 0 },
	{ "sex", N_("sex"), 0 },
	{ "kind", N_("case kind"), 0 },
	{ "recipient-no", N_("recipient number"), 0 },
	{ "municipality", N_("municipality"), 0 },
	{ "address", N_("address"), 0 },
	{ "phone", N_("phone"), 0 },
	{ "housing", N_("housing"), 0 },
	{ "disability", N_("disability"), 0 },
	{ "handbook-kind", N_("handbook kind"), 0 },
	{ "handbook-grade", N_("handbook grade"), 0 },
	{ "support-level", N_("support level"), 0 },
	{ "copay-cap", N_("co-payment cap (yen)"), 0 },
	{ "remarks", N_("remarks"), 1 },
	{ NULL, NULL, 0 },
};

static char **text_slot(client *c, const char *field)
{
	static const struct { const char *name; size_t off; } slots[] = {
		{ "name", offsetof(client, name) },
		{ "kana", offsetof(client, kana) },
		{ "sex", offsetof(client, sex) },
		{ "kind", offsetof(client, case_kind) },
		{ "recipient-no", offsetof(client, recipient_no) },
		{ "municipality", offsetof(client, municipality) },
		{ "address", offsetof(client, address) },
		{ "phone", offsetof(client, phone) },
		{ "housing", offsetof(client, housing) },
		{ "disability", offsetof(client, disability) },
		{ "handbook-kind", offsetof(client, handbook_kind) },
		{ "handbook-grade", offsetof(client, handbook_grade) },
		{ "remarks", offsetof(client, remarks) },
	};
	for (size_t i = 0; i < sizeof slots / sizeof slots[0]; i++)
		if (strcmp(slots[i].name, field) == 0)
			return (char **)((char *)c + slots[i].off);
	return NULL;
}

static const char *field_label(const char *field)
{
	for (const client_field *f = client_fields; f->name; f++)
		if (strcmp(f->name, field) == 0)
			return _(f->label);
	return field;
}

/* A whole number as the certificate prints it: prefix "区分" for the
 * support level, suffix "円" for an amount (text_parse_number). */
static int parse_number(const char *label, const char *t, const char *prefix, const char *suffix,
			long min, long max, long *out, tsu_err *e)
{
	long v;

	if (prefix && !strcmp(prefix, "区分") && !strcmp(t, "非該当"))
		v = 0;
	else if (!text_parse_number(t, prefix, suffix, &v) || v < min || v > max)
		return err_set(e, TSU_EINVAL, _("%s: '%s' is not a whole number from %ld to %ld"), label, t, min, max);
	*out = v;
	return TSU_OK;
}

int client_set(client *c, const char *field, const char *text, tsu_err *e)
{
	const char *label = field_label(field);
	char **slot;
	char *t;
	int rc = TSU_OK;

	if (!text)
		text = "";
	t = text_trim(text);
	if (strcmp(field, "birth") == 0) {
		date_t d = DATE_NONE;
		tsu_err de;
		if (*t && date_parse(t, &d, &de) != TSU_OK)
			rc = err_set(e, TSU_EINVAL, "%s: %s", label, de.msg);
		else
			c->birth_on = d;
	} else if (strcmp(field, "support-level") == 0) {
		long v;
		if (!*t)
			c->support_level = -1;
		else if ((rc = parse_number(label, t, "区分", NULL, 0, 6, &v, e)) == TSU_OK)
			c->support_level = (int)v;
	} else if (strcmp(field, "copay-cap") == 0) {
		long v;
		if (!*t)
			c->copay_cap_yen = -1;
		else if ((rc = parse_number(label, t, NULL, "円", 0, 1000000, &v, e)) == TSU_OK)
			c->copay_cap_yen = v;
	} else if ((slot = text_slot(c, field)) != NULL) {
		bool is_enum = !strcmp(field, "kind") || !strcmp(field, "sex");
		if (!strcmp(field, "kind") && store_enum_index(store_case_kinds, t) < 0)
			rc = err_set(e, TSU_EINVAL, _("%s: '%s' is not one of %s"), label, t, store_enum_list(store_case_kinds));
		else if (!strcmp(field, "sex") && store_enum_index(store_sexes, t) < 0)
			rc = err_set(e, TSU_EINVAL, _("%s: '%s' is not one of %s"), label, t, store_enum_list(store_sexes));
		else if (store_check_text(label, text, strcmp(field, "remarks") ? STORE_SHORT_MAX : STORE_TEXT_MAX, false, e) != TSU_OK)
			rc = TSU_EINVAL;
		else {
			/* Names and free text are kept as typed; enums trimmed. */
			free(*slot);
			*slot = xstrdup(is_enum || !strcmp(field, "recipient-no") ? t : text);
		}
	} else {
		rc = err_set(e, TSU_EINVAL, _("there is no client field '%s'"), field);
	}
	free(t);
	return rc;
}

char *client_get(const client *c, const char *field)
{
	char **slot = text_slot((client *)c, field);
	char buf[DATE_ISO_LEN];

	if (slot)
		return xstrdup(*slot);
	if (strcmp(field, "birth") == 0) {
		date_format_iso(c->birth_on, buf);
		return xstrdup(buf);
	}
	if (strcmp(field, "support-level") == 0)
		return c->support_level < 0 ? xstrdup("") : xasprintf("%d", c->support_level);
	if (strcmp(field, "copay-cap") == 0)
		return c->copay_cap_yen < 0 ? xstrdup("") : xasprintf("%lld", (long long)c->copay_cap_yen);
	return xstrdup("");
}

/* ---- keyset paging for the UI ---- */

void client_row_free(client_row *r)
{
	x_free(&r->name);
	x_free(&r->kana);
	x_free(&r->case_kind);
	x_free(&r->status);
	x_free(&r->recipient_no);
	x_free(&r->sort_key);
}

#define PAGE_COLUMNS "id, name, kana, case_kind, status, recipient_no, sort_key, birth_on"

static void read_page_row(db_stmt *s, client_row *r);

int store_client_page(db *d, const client_filter *f, const client_row *from,
		      bool backward, size_t limit, client_row *out, size_t *n, tsu_err *e)
{
	/* Four constant statements, so that the key range reaches the
	 * index (status, sort_key, id) instead of being filtered late. */
	static const char *const sql[2][2] = {
		{ "SELECT " PAGE_COLUMNS " FROM client WHERE" CLIENT_FILTER
		  " ORDER BY status, sort_key, id LIMIT :limit",
		  "SELECT " PAGE_COLUMNS " FROM client WHERE" CLIENT_FILTER
		  " AND (status, sort_key, id) > (:a_status, :a_key, :a_id)"
		  " ORDER BY status, sort_key, id LIMIT :limit" },
		{ "SELECT " PAGE_COLUMNS " FROM client WHERE" CLIENT_FILTER
		  " ORDER BY status DESC, sort_key DESC, id DESC LIMIT :limit",
		  "SELECT " PAGE_COLUMNS " FROM client WHERE" CLIENT_FILTER
		  " AND (status, sort_key, id) < (:a_status, :a_key, :a_id)"
		  " ORDER BY status DESC, sort_key DESC, id DESC LIMIT :limit" },
	};
	db_stmt *s = db_prepare(d, sql[backward ? 1 : 0][from ? 1 : 0]);
	size_t k = 0;
	int rc = DB_DONE;

	bind_filter(s, f);
	if (from) {
		db_bind_text(s, ":a_status", from->status);
		db_bind_text(s, ":a_key", from->sort_key);
		db_bind_int64(s, ":a_id", from->id);
	}
	db_bind_int64(s, ":limit", (int64_t)limit);
	while (k < limit && (rc = db_step(s)) == DB_ROW)
		read_page_row(s, &out[k++]);
	if (k < limit && rc < 0) {
		db_reset(s);
		for (size_t i = 0; i < k; i++)
			client_row_free(&out[i]);
		*n = 0;
		return db_error(d, e, _("reading the clients"));
	}
	db_reset(s);
	if (backward)
		for (size_t i = 0; i < k / 2; i++) {
			client_row t = out[i];
			out[i] = out[k - 1 - i];
			out[k - 1 - i] = t;
		}
	*n = k;
	return TSU_OK;
}

static void read_page_row(db_stmt *s, client_row *r)
{
	r->id = db_col_int64(s, 0);
	r->name = db_col_strdup(s, 1);
	r->kana = db_col_strdup(s, 2);
	r->case_kind = db_col_strdup(s, 3);
	r->status = db_col_strdup(s, 4);
	r->recipient_no = db_col_strdup(s, 5);
	r->sort_key = db_col_strdup(s, 6);
	r->birth_on = db_col_date(s, 7);
}

int store_client_rows_each(db *d, const client_filter *f, client_row_fn fn, void *arg, tsu_err *e)
{
	/* The covering index of the list's columns (migration 0017):
	 * SQLite would take the narrower client_by_sort and look up every
	 * row in the table. */
	/* Only the columns a listing prints: each column read is a tenth
	 * of a row's cost in SQLite. */
	db_stmt *s = db_prepare(d, "SELECT id, name, kana, case_kind, status, birth_on"
				   " FROM client INDEXED BY client_listing WHERE" CLIENT_FILTER
				   " ORDER BY status, sort_key, id");
	int rc;

	bind_filter(s, f);
	while ((rc = db_step(s)) == DB_ROW) {
		/* SQLite's own text, valid until the next step: no copies. */
		client_row r = {
			.id = db_col_int64(s, 0),
			.name = (char *)db_col_text(s, 1),
			.kana = (char *)db_col_text(s, 2),
			.case_kind = (char *)db_col_text(s, 3),
			.status = (char *)db_col_text(s, 4),
			.birth_on = db_col_date(s, 5),
		};
		if (fn(&r, arg))
			break;
	}
	db_reset(s);
	if (rc < 0)
		return db_error(d, e, _("reading the clients"));
	return TSU_OK;
}

int store_client_row(db *d, int64_t id, client_row *out, tsu_err *e)
{
	db_stmt *s = db_prepare(d, "SELECT " PAGE_COLUMNS " FROM client WHERE id = :id");
	int rc;

	memset(out, 0, sizeof *out);
	db_bind_int64(s, ":id", id);
	rc = db_step(s);
	if (rc == DB_ROW)
		read_page_row(s, out);
	db_reset(s);
	if (rc == DB_ROW)
		return TSU_OK;
	if (rc < 0)
		return db_error(d, e, _("reading the client"));
	return err_set(e, TSU_ENOTFOUND, _("no client with id %lld"), (long long)id);
}

int64_t store_client_position(db *d, const client_filter *f, const client_row *row)
{
	db_stmt *s;

	if (!plain_filter(f)) {
		s = db_prepare(d, "SELECT count(*) FROM client WHERE" CLIENT_FILTER
			" AND (status, sort_key, id) < (:a_status, :a_key, :a_id)");
		bind_filter(s, f);
	} else if (all_statuses(f)) {
		s = db_prepare(d, "SELECT count(*) FROM client"
			" WHERE (status, sort_key, id) < (:a_status, :a_key, :a_id)");
	} else {
		s = db_prepare(d, "SELECT count(*) FROM client WHERE status = :status"
			" AND (status, sort_key, id) < (:a_status, :a_key, :a_id)");
		db_bind_text(s, ":status", f && f->only_closed ? "closed" : "active");
	}
	db_bind_text(s, ":a_status", row->status);
	db_bind_text(s, ":a_key", row->sort_key);
	db_bind_int64(s, ":a_id", row->id);
	return db_int64_or(s, 0);
}
