/*
 * provider.c - the provider register's rules across tables: a provider
 * still linked from a plan row is not deleted, a link names a provider
 * that exists, and the text the plan prints for a linked row.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tsunagi/i18n.h"
#include "tsunagi/store.h"
#include "tsunagi/store_plan.h"
#include "tsunagi/store_provider.h"
#include "tsunagi/text.h"
#include "tsunagi/xalloc.h"

int store_provider_guard(db *d, const record_type *rt, const void *rec, int64_t id, tsu_err *e)
{
	db_stmt *s;
	int64_t n, plan_id, client_id;
	int priority;

	if (rec)
		return TSU_OK;   /* add and edit: the fields' own checks suffice */
	s = db_prepare(d,
		"SELECT count(*) OVER (), p.id, p.client_id, r.priority"
		" FROM plan_row r JOIN plan p ON p.id = r.plan_id"
		" WHERE r.provider_id = :id ORDER BY p.id DESC, r.priority LIMIT 1");
	db_bind_int64(s, ":id", id);
	if (db_step(s) != DB_ROW) {
		db_reset(s);
		return TSU_OK;
	}
	n = db_col_int64(s, 0);
	plan_id = db_col_int64(s, 1);
	client_id = db_col_int64(s, 2);
	priority = db_col_int(s, 3);
	db_reset(s);
	return err_set(e, TSU_EINVAL,
		       _("provider %lld is linked from %lld plan rows (plan %lld of client %lld, priority %d); link those rows to another provider first"),
		       (long long)id, (long long)n, (long long)plan_id, (long long)client_id, priority);
}

int store_plan_row_guard(db *d, const record_type *rt, const void *rec, int64_t id, tsu_err *e)
{
	const plan_row *r = rec;
	db_stmt *s;

	if (store_plan_child_guard(d, rt, rec, id, e) != TSU_OK)
		return TSU_EINVAL;
	if (!r || !r->provider_id)
		return TSU_OK;
	s = db_prepare(d, "SELECT count(*) FROM service_provider WHERE id = :id");
	db_bind_int64(s, ":id", r->provider_id);
	if (db_int64_or(s, 0) == 0)
		return err_set(e, TSU_ENOTFOUND, _("there is no provider %lld in the register; see 'tsunagi provider list'"),
			       (long long)r->provider_id);
	return TSU_OK;
}

static void add_trimmed(strbuf *b, const char *sep, const char *v)
{
	char *t = text_trim(v);

	if (*t)
		sb_addf(b, "%s%s", b->len ? sep : "", t);
	free(t);
}

char *store_provider_cell(db *d, const plan_row *r)
{
	service_provider p;
	strbuf b, tail;
	char *name;

	if (!r->provider_id)
		return xstrdup(r->provider);
	if (store_record_get(d, &rt_service_provider, r->provider_id, &p, NULL) != TSU_OK) {
		record_free(&rt_service_provider, &p);
		return xstrdup(r->provider);
	}
	sb_init(&tail);
	add_trimmed(&tail, "・", p.contact_person);
	add_trimmed(&tail, "・", p.phone);
	name = text_trim(p.name);
	sb_init(&b);
	sb_adds(&b, name);
	if (tail.len)
		sb_addf(&b, "\n（%s）", tail.s);
	free(name);
	sb_free(&tail);
	record_free(&rt_service_provider, &p);
	return b.s ? sb_steal(&b) : xstrdup("");
}

char *store_provider_line(const service_provider *p)
{
	return p->phone[0] ? xasprintf("%s (%s)", p->name, p->phone) : xstrdup(p->name);
}
