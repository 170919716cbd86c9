/*
 * client.c - the client register.  Its fields are described once
 * (CLIENT_FIELDS in store_client.h); everything here that walks them is
 * made from that list.  Sort and search keys are folded copies kept
 * beside the typed text, which is stored exactly as typed.
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

/* ---- the fields, from CLIENT_FIELDS (store_client.h) ---- */

const client_choice client_sexes = {
	store_sexes,
	(const char *const[]){ "male", "男性", "male", "男", "male", "m",
		"female", "女性", "female", "女", "female", "f", "other", "その他", NULL },
	N_("sex: write 男 or 女 (or その他, male, female, other), or leave it empty"),
};
const client_choice client_case_kinds = {
	store_case_kinds,
	(const char *const[]){ "plan", "計画相談", "plan", "計画相談支援", "plan", "者",
		"child", "障害児相談", "child", "障害児相談支援", "child", "児",
		"transition", "地域移行", "transition", "地域移行支援",
		"retention", "地域定着", "retention", "地域定着支援", NULL },
	N_("case kind: write 計画相談, 障害児相談, 地域移行 or 地域定着 (or plan, child, transition, retention)"),
};
static const char *const client_status_values[] = { "active", "closed", NULL };
const client_choice client_statuses = {
	client_status_values,
	(const char *const[]){ "active", "利用中", "closed", "終結", NULL },
	N_("status: write 利用中 (active) or 終結 (closed)"),
};

#define CLIENT_FIELD(m, t, how, nm, lbl, fl, mx, chk, ch, al) \
	{ nm, lbl, #m, ":" #m, t, how, fl, offsetof(client, m), mx, chk, ch, al },
#define CW_EDIT false
#define CW_STATE true
const client_field client_fields[] = {
	CLIENT_FIELDS(CLIENT_FIELD)
	{ NULL, NULL, NULL, NULL, CT_TEXT, false, 0, 0, 0, NULL, NULL, NULL },
};
#undef CW_EDIT
#undef CW_STATE

/* The SQL, by string-literal concatenation of our own column names:
 * every column read; the fields a form edits and the derived keys
 * written (the state is written by closing only). */
#define SEL_COL(m, ...) ", " #m
#define EDIT_COL(m, t, how, ...) EDIT_COL_##how(m)
#define EDIT_COL_CW_EDIT(m) ", " #m
#define EDIT_COL_CW_STATE(m)
#define EDIT_BIND(m, t, how, ...) EDIT_BIND_##how(m)
#define EDIT_BIND_CW_EDIT(m) ", :" #m
#define EDIT_BIND_CW_STATE(m)
#define EDIT_SET(m, t, how, ...) EDIT_SET_##how(m)
#define EDIT_SET_CW_EDIT(m) ", " #m " = :" #m
#define EDIT_SET_CW_STATE(m)
#define KEY_COL(k, fn) ", " #k
#define KEY_BIND(k, fn) ", :" #k
#define KEY_SET(k, fn) ", " #k " = :" #k

#define CLIENT_COLUMNS "id, version" CLIENT_FIELDS(SEL_COL)
#define CLIENT_INSERT \
	"INSERT INTO client (version" CLIENT_FIELDS(EDIT_COL) CLIENT_KEYS(KEY_COL) \
	") VALUES (1" CLIENT_FIELDS(EDIT_BIND) CLIENT_KEYS(KEY_BIND) ")"
#define CLIENT_UPDATE \
	"UPDATE client SET version = version + 1" CLIENT_FIELDS(EDIT_SET) CLIENT_KEYS(KEY_SET) \
	", updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')" \
	" WHERE id = :id AND version = :version"

static char **text_of(const client_field *f, client *c)
{
	return (char **)((char *)c + f->off);
}

static date_t *date_of(const client_field *f, client *c)
{
	return (date_t *)((char *)c + f->off);
}

static int *level_of(const client_field *f, client *c)
{
	return (int *)((char *)c + f->off);
}

static int64_t *yen_of(const client_field *f, client *c)
{
	return (int64_t *)((char *)c + f->off);
}

#define CFIELD(f, what, c) what##_of(f, (client *)(c))

const client_field *client_field_named(const char *name)
{
	for (const client_field *f = client_fields; f->name; f++)
		if (strcmp(f->name, name) == 0)
			return f;
	return NULL;
}

bool client_field_editable(const client_field *f)
{
	return !f->state;
}

void client_init(client *c)
{
	memset(c, 0, sizeof *c);
	for (const client_field *f = client_fields; f->name; f++)
		switch (f->type) {
		case CT_TEXT: *text_of(f, c) = xstrdup(""); break;
		case CT_CHOICE: *text_of(f, c) = xstrdup(f->choice->values[0]); break;
		case CT_DATE: *date_of(f, c) = DATE_NONE; break;
		case CT_LEVEL: *level_of(f, c) = -1; break;
		case CT_YEN: *yen_of(f, c) = -1; break;
		}
}

void client_free(client *c)
{
	for (const client_field *f = client_fields; f->name; f++)
		if (f->type == CT_TEXT || f->type == CT_CHOICE)
			x_free(text_of(f, c));
}

static void read_row(db_stmt *s, client *c)
{
	int i = 2;

	c->id = db_col_int64(s, 0);
	c->version = db_col_int64(s, 1);
	for (const client_field *f = client_fields; f->name; f++, i++)
		switch (f->type) {
		case CT_TEXT:
		case CT_CHOICE: *text_of(f, c) = db_col_strdup(s, i); break;
		case CT_DATE: *date_of(f, c) = db_col_date(s, i); break;
		case CT_LEVEL: *level_of(f, c) = db_col_null(s, i) ? -1 : db_col_int(s, i); break;
		case CT_YEN: *yen_of(f, c) = db_col_null(s, i) ? -1 : db_col_int64(s, i); break;
		}
}

static bool all_digits(const char *s)
{
	for (; *s; s++)
		if (!isdigit((unsigned char)*s))
			return false;
	return true;
}

/* ---- the fields' own checks (CLIENT_FIELDS' check column) ---- */

int client_check_birth(const client *c, tsu_err *e)
{
	if (c->birth_on == DATE_NONE)
		return err_set(e, TSU_EINVAL, _("birth date: must not be empty"));
	return TSU_OK;
}

int client_check_recipient_no(const client *c, tsu_err *e)
{
	if (c->recipient_no[0] && (strlen(c->recipient_no) != 10 || !all_digits(c->recipient_no)))
		return err_set(e, TSU_EINVAL, _("recipient number: '%s' must be 10 digits as printed on the certificate"), c->recipient_no);
	return TSU_OK;
}

int client_check_support_level(const client *c, tsu_err *e)
{
	if (c->support_level < -1 || c->support_level > 6)
		return err_set(e, TSU_EINVAL, _("support level: %d is not 0 (非該当) to 6"), c->support_level);
	return TSU_OK;
}

int client_check_copay_cap(const client *c, tsu_err *e)
{
	if (c->copay_cap_yen < -1)
		return err_set(e, TSU_EINVAL, _("co-payment cap: must be 0 yen or more"));
	return TSU_OK;
}

/* Is the field empty (not known)? */
static bool field_empty(const client_field *f, const client *c)
{
	switch (f->type) {
	case CT_TEXT:
	case CT_CHOICE: {
		char *t = text_trim(*CFIELD(f, text, c));
		bool blank = !t[0];
		free(t);
		return blank;
	}
	case CT_DATE: return *CFIELD(f, date, c) == DATE_NONE;
	case CT_LEVEL: return *CFIELD(f, level, c) < 0;
	case CT_YEN: return *CFIELD(f, yen, c) < 0;
	}
	return false;
}

/* Required on every path (CLI add and edit, forms, imports): the check
 * lives here, where each of them ends.  A required field's own check
 * says what an empty one lacks. */
int client_check_required(const client *c, tsu_err *e)
{
	for (const client_field *f = client_fields; f->name; f++) {
		if (!(f->flags & CF_REQUIRED))
			continue;
		if (f->type == CT_TEXT) {
			if (store_check_text(_(f->label), *CFIELD(f, text, c), f->max, true, e) != TSU_OK)
				return TSU_EINVAL;
		} else if (f->check) {
			if (f->check(c, e) != TSU_OK)
				return TSU_EINVAL;
		} else if (field_empty(f, c)) {
			return err_set(e, TSU_EINVAL, _("%s: must not be empty"), _(f->label));
		}
	}
	return TSU_OK;
}

int client_validate(const client *c, tsu_err *e)
{
	const client_field *f;

	for (f = client_fields; f->name; f++)
		if (f->type == CT_TEXT &&
		    store_check_text(_(f->label), *CFIELD(f, text, c), f->max, false, e) != TSU_OK)
			return TSU_EINVAL;
	if (client_check_required(c, e) != TSU_OK)
		return TSU_EINVAL;
	for (f = client_fields; f->name; f++) {
		const char *v = f->type == CT_CHOICE ? *CFIELD(f, text, c) : NULL;
		if (v && store_enum_index(f->choice->values, v) < 0)
			return err_set(e, TSU_EINVAL, _("%s: '%s' is not one of %s"), _(f->label), v,
				       store_enum_list(f->choice->values));
		if (f->check && f->check(c, e) != TSU_OK)
			return TSU_EINVAL;
	}
	return TSU_OK;
}

/* Sort by the reading; a client without one sorts by the name. */
char *client_sort_key(const client *c)
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

char *client_search_key(const client *c)
{
	char *n = squeeze_spaces(text_fold(c->name));
	char *k = squeeze_spaces(text_fold(c->kana));
	char *key = xasprintf("%s\x1f%s", n, k);
	free(n);
	free(k);
	return key;
}

static void bind_field(db_stmt *s, const client_field *f, const client *c)
{
	const char *bind = f->bind;

	switch (f->type) {
	case CT_TEXT:
	case CT_CHOICE: db_bind_text(s, bind, *CFIELD(f, text, c)); break;
	case CT_DATE: db_bind_date(s, bind, *CFIELD(f, date, c)); break;
	case CT_LEVEL:
		if (*CFIELD(f, level, c) >= 0)
			db_bind_int(s, bind, *CFIELD(f, level, c));
		else
			db_bind_null(s, bind);
		break;
	case CT_YEN:
		if (*CFIELD(f, yen, c) >= 0)
			db_bind_int64(s, bind, *CFIELD(f, yen, c));
		else
			db_bind_null(s, bind);
		break;
	}
}

static void bind_fields(db_stmt *s, const client *c)
{
	for (const client_field *f = client_fields; f->name; f++)
		if (!f->state)
			bind_field(s, f, c);
#define KEY_BIND_VALUE(k, fn) { char *v = fn(c); db_bind_text(s, ":" #k, v); free(v); }
	CLIENT_KEYS(KEY_BIND_VALUE)
#undef KEY_BIND_VALUE
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
	s = db_prepare(d, CLIENT_INSERT);
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
	s = db_prepare(d, CLIENT_UPDATE);
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

/* Set f from the trimmed text t, or the text as typed for free text. */
static int set_field(client *c, const client_field *f, const char *text, const char *t, tsu_err *e)
{
	const char *label = _(f->label);
	char **slot;
	long v;
	int rc = TSU_OK;

	switch (f->type) {
	case CT_DATE: {
		date_t d = DATE_NONE;
		tsu_err de;
		if (*t && date_parse(t, &d, &de) != TSU_OK)
			return err_set(e, TSU_EINVAL, "%s: %s", label, de.msg);
		*date_of(f, c) = d;
		return TSU_OK;
	}
	case CT_LEVEL:
		if (!*t)
			*level_of(f, c) = -1;
		else if ((rc = parse_number(label, t, "区分", NULL, 0, (long)f->max, &v, e)) == TSU_OK)
			*level_of(f, c) = (int)v;
		return rc;
	case CT_YEN:
		if (!*t)
			*yen_of(f, c) = -1;
		else if ((rc = parse_number(label, t, NULL, "円", 0, (long)f->max, &v, e)) == TSU_OK)
			*yen_of(f, c) = v;
		return rc;
	case CT_CHOICE:
		if (store_enum_index(f->choice->values, t) < 0)
			return err_set(e, TSU_EINVAL, _("%s: '%s' is not one of %s"), label, t,
				       store_enum_list(f->choice->values));
		break;
	case CT_TEXT:
		break;
	}
	/* As typed, a line holds up to STORE_SHORT_MAX characters; the
	 * field's own limit is client_validate's. */
	if (store_check_text(label, text, f->flags & CF_MULTILINE ? STORE_TEXT_MAX : STORE_SHORT_MAX,
			     false, e) != TSU_OK)
		return TSU_EINVAL;
	/* Names and free text are kept as typed; choices and numbers trimmed. */
	slot = text_of(f, c);
	free(*slot);
	*slot = xstrdup(f->type == CT_CHOICE || (f->flags & CF_DIGITS) ? t : text);
	return TSU_OK;
}

int client_set(client *c, const char *field, const char *text, tsu_err *e)
{
	const client_field *f = client_field_named(field);
	char *t;
	int rc;

	if (!f || f->state)
		return err_set(e, TSU_EINVAL, _("there is no client field '%s'"), field);
	if (!text)
		text = "";
	t = text_trim(text);
	rc = set_field(c, f, text, t, e);
	free(t);
	return rc;
}

static char *field_text(const client *c, const client_field *f)
{
	char buf[DATE_ISO_LEN];

	switch (f->type) {
	case CT_TEXT:
	case CT_CHOICE:
		return xstrdup(*CFIELD(f, text, c));
	case CT_DATE:
		date_format_iso(*CFIELD(f, date, c), buf);
		return xstrdup(buf);
	case CT_LEVEL:
		return *CFIELD(f, level, c) < 0 ? xstrdup("") : xasprintf("%d", *CFIELD(f, level, c));
	case CT_YEN:
		return *CFIELD(f, yen, c) < 0 ? xstrdup("") : xasprintf("%lld", (long long)*CFIELD(f, yen, c));
	}
	return xstrdup("");
}

char *client_get(const client *c, const char *field)
{
	const client_field *f = client_field_named(field);

	return f ? field_text(c, f) : xstrdup("");
}

char *client_field_show(const client *c, const client_field *f, date_t today)
{
	char *v = field_text(c, f), *shown;
	char wareki[DATE_WAREKI_LEN];

	if (f->type == CT_CHOICE) {
		shown = xstrdup(*v ? store_enum_label(v) : "");
	} else if ((f->flags & CF_AGE) && *CFIELD(f, date, c) != DATE_NONE) {
		/* As the forms print it: 和暦 and the age today. */
		date_t d = *CFIELD(f, date, c);
		date_format_wareki(d, wareki, sizeof wareki);
		shown = xasprintf(_("%s (%s, age %d)"), v, wareki, date_age(d, today));
	} else {
		return v;
	}
	free(v);
	return shown;
}

char *client_initials(const client *c)
{
	char *s = text_initials(c->kana);

	if (!s[0]) {
		free(s);
		s = xstrdup("?.");
	}
	return s;
}

const char *client_choice_word(const client_choice *ch, const char *value)
{
	for (const char *const *p = ch->words; *p; p += 2)
		if (strcmp(p[0], value) == 0)
			return p[1];
	return value;
}

static bool folded_eq(const char *folded, const char *word)
{
	char *f = text_fold(word);
	bool eq = strcmp(f, folded) == 0;

	free(f);
	return eq;
}

const char *client_choice_value(const client_choice *ch, const char *word)
{
	char *f = text_fold(word);
	const char *found = NULL;

	if (!*f)
		found = ch->values[0];
	for (const char *const *p = ch->words; *p && !found; p += 2)
		if (folded_eq(f, p[1]))
			found = p[0];
	for (const char *const *v = ch->values; *v && !found; v++)
		if (**v && folded_eq(f, *v))
			found = *v;
	free(f);
	return found;
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
