/*
 * records.c - field descriptions and constant SQL for every described
 * record, generated at compile time from the column lists in records.h.
 * The SQL is built by string-literal concatenation of our own column
 * names, never from values.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tsunagi/i18n.h"
#include "tsunagi/icf.h"
#include "tsunagi/records.h"
#include "tsunagi/store.h"
#include "tsunagi/store_client.h"
#include "tsunagi/store_plan.h"
#include "tsunagi/store_provider.h"
#include "tsunagi/xalloc.h"

const char *const rec_components[] = { "b", "s", "d", "e", "personal", NULL };
const char *const rec_plan_stages[] = { "draft", "final", "superseded", NULL };
const char *const rec_methods[] = { "visit", "office", "other", NULL };

#define REC_FIELD(st, c, t, l, fl, mx, mn, mxi, ch) \
	{ #c, l, t, offsetof(st, c), fl, mx, mn, mxi, ch, NULL },
#define REC_COL(st, c, ...) ", " #c
#define REC_BIND(st, c, ...) ", :" #c
#define REC_SET(st, c, ...) ", " #c " = :" #c
#define REC_FIRST_COL(st, c, ...)

/* One record type: its fields and constant SQL (see REC_RECORD_KINDS).
 * A record no one owns (the provider register) is listed with parent id
 * 0 (STORE_PROVIDERS). */
#define DEFINE_RECORD(name, label_, parent, order, check_, guard_, form_, tab_) \
	static const field name##_fields[] = { name##_COLUMNS(REC_FIELD) }; \
	const record_type rt_##name = { \
		#name, label_, sizeof(name), name##_fields, \
		sizeof name##_fields / sizeof name##_fields[0], \
		"SELECT id, version" name##_COLUMNS(REC_COL) " FROM " #name \
		" WHERE id = :id", \
		"SELECT id, version" name##_COLUMNS(REC_COL) " FROM " #name \
		" WHERE " parent " = :parent ORDER BY " order, \
		"INSERT INTO " #name " (version" name##_COLUMNS(REC_COL) \
		") VALUES (1" name##_COLUMNS(REC_BIND) ")", \
		"UPDATE " #name " SET version = version + 1" name##_COLUMNS(REC_SET) \
		" WHERE id = :id AND version = :version", \
		"DELETE FROM " #name " WHERE id = :id", \
		check_, guard_, form_, tab_ \
	};
#define REC_TAB(id, label) label
#define REC_NO_TAB NULL

static int check_period(const char *from_label, date_t from, const char *to_label, date_t to, tsu_err *e)
{
	char a[DATE_ISO_LEN], b[DATE_ISO_LEN];

	if (from != DATE_NONE && to != DATE_NONE && from > to) {
		date_format_iso(from, a);
		date_format_iso(to, b);
		return err_set(e, TSU_EINVAL, _("%s %s is after %s %s; check the two dates"),
			       _(from_label), a, _(to_label), b);
	}
	return TSU_OK;
}

static int check_certificate(const void *r, tsu_err *e)
{
	const certificate *c = r;
	return check_period(N_("valid from"), c->valid_from, N_("valid to"), c->valid_to, e);
}

static int check_consent(const void *r, tsu_err *e)
{
	const consent *c = r;
	if (check_period(N_("valid from"), c->valid_from, N_("valid to"), c->valid_to, e) != TSU_OK)
		return TSU_EINVAL;
	return check_period(N_("valid from"), c->valid_from, N_("withdrawn on"), c->withdrawn_on, e);
}

/* Unscored, or a value of the ICF's qualifier scale (icf.h). */
static bool qualifier_ok(int q)
{
	return q == FIELD_INT_NULL || icf_qualifier_valid(q);
}

static int check_assessment_item(const void *r, tsu_err *e)
{
	const assessment_item *a = r;

	if (!qualifier_ok(a->qualifier) || !qualifier_ok(a->capacity))
		return err_set(e, TSU_EINVAL, _("qualifier: use 0 none, 1 mild, 2 moderate, 3 severe, 4 complete, 8 not specified or 9 not applicable"));
	if (a->capacity != FIELD_INT_NULL && strcmp(a->component, "d") != 0)
		return err_set(e, TSU_EINVAL, _("capacity: only activities and participation (d) are scored for capacity"));
	if (a->facilitator && strcmp(a->component, "e") != 0)
		return err_set(e, TSU_EINVAL, _("facilitator: only environmental factors (e) can be facilitators"));
	if (a->icf_code[0] && a->icf_code[0] != a->component[0])
		return err_set(e, TSU_EINVAL, _("ICF code %s does not belong to %s; give the code alone and the component follows it"),
			       a->icf_code, store_enum_label(a->component));
	return TSU_OK;
}

static int check_plan(const void *r, tsu_err *e)
{
	const plan *p = r;
	int m = p->monitoring_months;

	if (m < 1 || m > 12)
		return err_set(e, TSU_EINVAL, _("monitoring interval: %d months is not allowed; use a whole number of months from 1 to 12"), m);
	if (strcmp(p->stage, "draft") != 0 && p->consented_on == DATE_NONE)
		return err_set(e, TSU_EINVAL, _("a final plan needs the date the client consented; give the consent date"));
	if ((p->monitoring_range_from < 0) != (p->monitoring_range_to < 0))
		return err_set(e, TSU_EINVAL, _("the certificate's monitoring months need both the first and the last month (like 2026-07 and 2027-04)"));
	if (p->monitoring_range_from > p->monitoring_range_to)
		return err_set(e, TSU_EINVAL, _("the certificate's monitoring months end before they start; check the two months"));
	return check_period(N_("period from"), p->period_from, N_("period to"), p->period_to, e);
}

static int check_monitoring_skip(const void *r, tsu_err *e)
{
	const monitoring_skip *k = r;
	const char *d = k->detail;

	while (*d == ' ' || *d == '\n' || *d == '\t')
		d++;
	if (strcmp(k->reason, "other") == 0 && !*d)
		return err_set(e, TSU_EINVAL, _("reason 'other': say what kept the monitoring from being done"));
	return TSU_OK;
}

static int check_weekly_slot(const void *r, tsu_err *e)
{
	const weekly_slot *w = r;
	if (w->start_min >= w->end_min)
		return err_set(e, TSU_EINVAL, _("the slot must end after it starts"));
	return TSU_OK;
}

/* A note's time: record_set keeps it as HH:MM (FF_TIME); this catches a
 * row filled some other way (import). */
static int check_note(const void *r, tsu_err *e)
{
	const note *n = r;
	int min;
	tsu_err te;

	if (n->noted_at[0] && (time_parse(n->noted_at, &min, &te) != TSU_OK || strlen(n->noted_at) != 5))
		return err_set(e, TSU_EINVAL, _("time: '%s' is not a time; write it like 14:30"), n->noted_at);
	/* A dated next step is an item on the alarm list: it needs its words,
	 * and only a step with a date can be marked done. */
	if (n->next_on != DATE_NONE && !n->next_step[0])
		return err_set(e, TSU_EINVAL, _("next step by: say what the next step is, or clear the date"));
	if (n->next_done_on != DATE_NONE && n->next_on == DATE_NONE)
		return err_set(e, TSU_EINVAL, _("next step done on: the next step has no date; give it one first"));
	return TSU_OK;
}

/* A meeting's and a visit's time, as a note's. */
static int check_time(const char *t, tsu_err *e)
{
	int min;
	tsu_err te;

	if (t[0] && (time_parse(t, &min, &te) != TSU_OK || strlen(t) != 5))
		return err_set(e, TSU_EINVAL, _("time: '%s' is not a time; write it like 14:30"), t);
	return TSU_OK;
}

static int check_meeting(const void *r, tsu_err *e)
{
	return check_time(((const meeting *)r)->held_at, e);
}

static int check_monitoring(const void *r, tsu_err *e)
{
	const monitoring *m = r;

	if (m->scheduled_at[0] && m->scheduled_on == DATE_NONE)
		return err_set(e, TSU_EINVAL, _("visit time: give the day it is scheduled for too"));
	return check_time(m->scheduled_at, e);
}

REC_RECORD_KINDS(DEFINE_RECORD)

#define REC_ADDRESS(name, ...) &rt_##name,
const record_type *const rec_all_types[] = { REC_RECORD_KINDS(REC_ADDRESS) NULL };
#undef REC_ADDRESS

/* What the client and the family said carries forward as the starting
 * text to edit: the latest intake's wishes into a new assessment, the
 * latest assessment's into a new plan's 生活に対する意向. */
static void carry_wishes(db *d, const record_type *rt, int64_t client_id, void *rec)
{
	const record_type *from = rt == &rt_assessment ? &rt_intake : &rt_assessment;
	void *v = NULL;
	size_t n = 0;
	const char *cw, *fw;

	/* The list's order is newest first (records.c DEFINE_RECORD). */
	if (store_record_list(d, from, client_id, &v, &n, NULL) != TSU_OK || n == 0) {
		if (v)
			record_free_list(from, v, n);
		return;
	}
	if (from == &rt_intake) {
		cw = ((intake *)v)[0].client_wishes;
		fw = ((intake *)v)[0].family_wishes;
	} else {
		cw = ((assessment *)v)[0].client_wishes;
		fw = ((assessment *)v)[0].family_wishes;
	}
	if (rt == &rt_assessment) {
		assessment *a = rec;
		free(a->client_wishes);
		a->client_wishes = xstrdup(cw);
		free(a->family_wishes);
		a->family_wishes = xstrdup(fw);
	} else if (cw[0] || fw[0]) {
		plan *p = rec;
		free(p->wishes);
		p->wishes = cw[0] && fw[0] ? xasprintf(_("Client: %s\nFamily: %s"), cw, fw) :
			    cw[0] ? xstrdup(cw) : xasprintf(_("Family: %s"), fw);
	}
	record_free_list(from, v, n);
}

void store_record_new(db *d, const record_type *rt, int64_t client_id, date_t today, void *rec)
{
	client c;
	tsu_err e;

	record_init(rt, rec);
	/* The first required date of a new record is most often today. */
	for (size_t i = 0; i < rt->nfields; i++)
		if (rt->fields[i].type == FT_DATE) {
			if (rt->fields[i].flags & FF_REQUIRED)
				*field_date(&rt->fields[i], rec) = today;
			break;
		}
	if (client_id && (rt == &rt_assessment || rt == &rt_plan)) {
		carry_wishes(d, rt, client_id, rec);
		return;
	}
	if (rt != &rt_certificate || !client_id || store_client_get(d, client_id, &c, &e) != TSU_OK)
		return;
	certificate *ct = rec;
	free(ct->number);
	ct->number = xstrdup(c.recipient_no);
	free(ct->municipality);
	ct->municipality = xstrdup(c.municipality);
	if (c.support_level >= 0)
		ct->support_level = c.support_level;
	if (c.copay_cap_yen >= 0 && c.copay_cap_yen <= INT32_MAX)
		ct->copay_cap_yen = (int)c.copay_cap_yen;
	client_free(&c);
}

int store_note_next_done(db *d, int64_t id, date_t on, tsu_err *e)
{
	char iso[DATE_ISO_LEN];
	note n;
	int rc;

	if ((rc = store_record_get(d, &rt_note, id, &n, e)) != TSU_OK) {
		record_free(&rt_note, &n);
		return rc;
	}
	if (n.next_on == DATE_NONE) {
		rc = err_set(e, TSU_EINVAL, _("note %lld has no next step with a date; nothing to mark done"),
			     (long long)id);
	} else if (n.next_done_on != DATE_NONE) {
		date_format_iso(n.next_done_on, iso);
		rc = err_set(e, TSU_EINVAL, _("note %lld: its next step was already marked done on %s"),
			     (long long)id, iso);
	} else if (on < n.noted_on) {
		date_format_iso(n.noted_on, iso);
		rc = err_set(e, TSU_EINVAL, _("note %lld was written on %s; the step cannot be done before it"),
			     (long long)id, iso);
	} else {
		n.next_done_on = on;
		rc = store_record_update(d, &rt_note, &n, e);
	}
	record_free(&rt_note, &n);
	return rc;
}
