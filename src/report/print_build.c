/*
 * print_build.c - the forms of FORMS.md built from the database as
 * blocks (print.h): the plan, the weekly schedule, the monitoring report
 * and the assessment, in the order and with the labels of the ministry's
 * model forms.  Dates are printed in the Japanese era (令和8年4月1日), as
 * the forms are handed to clients and municipalities; one style a form:
 * a table's narrow cells take the short R8.4.1 in every table, all else
 * (the header, the fields, the prep sheet's lists) the long one.  The
 * monitoring period is the one exception: "3月ごと(R8.7〜R9.4)" is copied
 * as the certificate writes it (FORMS.md), to be compared with it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tsunagi/i18n.h"
#include "tsunagi/icf.h"
#include "tsunagi/print.h"
#include "tsunagi/store.h"
#include "tsunagi/store_client.h"
#include "tsunagi/store_cycle.h"
#include "tsunagi/store_lookup.h"
#include "tsunagi/store_provider.h"
#include "tsunagi/text.h"
#include "tsunagi/xalloc.h"

int print_kind_from_name(const char *name)
{
	static const char *const names[] = { "assessment", "plan", "weekly", "monitoring", "prep",
					     "record", "meeting", "summary" };

	for (int i = 0; name && i < 8; i++)
		if (strcmp(names[i], name) == 0)
			return i;
	return -1;
}

/* "区分3", "非該当" or "". */
static char *support_level(int lv)
{
	if (lv < 0)
		return xstrdup("");
	return lv == 0 ? xstrdup("非該当") : xasprintf("区分%d", lv);
}

static char *yen(int64_t v)
{
	char digits[32], out[48];
	size_t n, k = 0;

	if (v < 0)
		return xstrdup("");
	snprintf(digits, sizeof digits, "%lld", (long long)v);
	n = strlen(digits);
	for (size_t i = 0; i < n; i++) {
		if (i && (n - i) % 3 == 0)
			out[k++] = ',';
		out[k++] = digits[i];
	}
	out[k] = '\0';
	return xasprintf("%s円", out);
}

/* The parts that are not empty, joined by sep (caller frees). */
static char *join3(const char *a, const char *b, const char *c, const char *sep)
{
	const char *v[] = { a, b, c };
	strbuf o;

	sb_init(&o);
	for (int i = 0; i < 3; i++) {
		if (!v[i] || !v[i][0])
			continue;
		if (o.len)
			sb_adds(&o, sep);
		sb_adds(&o, v[i]);
	}
	if (!o.s)
		sb_adds(&o, "");
	return sb_steal(&o);
}

/* ---- what every form's head shows ---- */

typedef struct head {
	client c;
	char *name, *guardian, *level, *copay;
	print_numbers no;
	service_mix mix;        /* the plan's services: the form's title */
	bool child;             /* a child's case or a child's services */
} head;

static void head_free(head *h)
{
	client_free(&h->c);
	free(h->name);
	free(h->guardian);
	free(h->level);
	free(h->copay);
	print_numbers_free(&h->no);
}

/* The head of a form about plan_id (0: none) of client_id. */
static int head_load(db *d, int64_t client_id, int64_t plan_id, const print_opts *o, head *h, tsu_err *e)
{
	int rc;

	memset(h, 0, sizeof *h);
	if ((rc = store_client_get(d, client_id, &h->c, e)) != TSU_OK) {
		client_free(&h->c);
		return rc;
	}
	if (plan_id)
		print_service_mix(d, plan_id, &h->mix);
	h->child = strcmp(h->c.case_kind, "child") == 0 || h->mix.child_day;
	h->name = print_client_name(&h->c, o->initials);
	h->level = support_level(h->c.support_level);
	h->copay = yen(h->c.copay_cap_yen);
	h->guardian = print_guardian_name(d, client_id, o->initials);
	print_numbers_load(d, &h->c, &h->no);
	return TSU_OK;
}

/* The client's name (児童氏名 and 保護者氏名 for a child) and the three
 * recipient numbers: pairs into v from *n on. */
static void head_people(const head *h, const char **v, size_t *n)
{
	v[(*n)++] = h->child ? "児童氏名" : "利用者氏名";
	v[(*n)++] = h->name;
	if (h->child) {
		v[(*n)++] = "保護者氏名";
		v[(*n)++] = h->guardian;
	}
	v[(*n)++] = "障害福祉サービス受給者証番号";
	v[(*n)++] = h->no.service;
	v[(*n)++] = "地域相談支援受給者証番号";
	v[(*n)++] = h->no.community;
	v[(*n)++] = "通所受給者証番号";
	v[(*n)++] = h->no.day;
}

static char *printed_line(const print_opts *o)
{
	char *d = print_date(o->today), *s = xasprintf("出力日 %s", d);

	free(d);
	return s;
}

/* The header grid of the plan, the weekly schedule and the monitoring. */
static void plan_head(pform *f, db *d, const head *h, const plan *p, const print_opts *o, int per_line)
{
	bool draft = strcmp(p->stage, "draft") == 0;
	char *written = print_date(p->written_on);
	char *months = print_monitoring_months(d, p);
	const char *pairs[32];
	size_t n = 0;

	head_people(h, pairs, &n);
	pairs[n++] = "障害支援区分";
	pairs[n++] = h->level;
	pairs[n++] = "利用者負担上限額";
	pairs[n++] = h->copay;
	pairs[n++] = "相談支援事業者名";
	pairs[n++] = o->office ? o->office : "";
	pairs[n++] = "計画作成担当者";
	pairs[n++] = o->worker ? o->worker : "";
	pairs[n++] = draft ? "計画案作成日" : "計画作成日";
	pairs[n++] = written;
	pairs[n++] = "モニタリング期間";
	pairs[n++] = months;
	pform_fields(f, per_line, pairs, n / 2);
	free(written);
	free(months);
}

/* サービス等利用計画, 障害児支援利用計画 or both, by the services the
 * plan uses (service_kind.h); the draft (計画案) says so. */
static char *plan_title(const head *h, const plan *p)
{
	bool draft = strcmp(p->stage, "draft") == 0;

	return xasprintf("%s%s", service_plan_title(&h->mix, strcmp(h->c.case_kind, "child") == 0),
			 draft ? "（案）" : "");
}

static void sign_line(pform *f, date_t consented)
{
	char *d = print_date(consented);

	/* No consent yet: a blank line for the date, not an era to fill in
	 * (issue 16 item 22 says the model form leaves a line; not confirmed
	 * against the ministry's model form itself). */
	pform_sign(f, "利用者同意署名欄", "同意日", d);
	free(d);
}

/* ---- loading the record a form prints ---- */

/* Read record id of rt (with client_id at field col) and check whose it is. */
static int get_own(db *d, const record_type *rt, int64_t id, int64_t client_id, void *rec, tsu_err *e)
{
	int rc = store_record_get(d, rt, id, rec, e);
	const field *f = record_field(rt, "client_id");

	if (rc != TSU_OK)
		return rc;
	if (f && *field_id(f, rec) != client_id)
		return err_set(e, TSU_EINVAL, _("%s %lld belongs to another client; give an id of this client's"),
			       _(rt->label), (long long)id);
	return TSU_OK;
}

static int load_plan(db *d, int64_t client_id, int64_t id, plan *p, tsu_err *e)
{
	if (!id)
		id = store_latest_plan(d, client_id);
	if (!id) {
		record_init(&rt_plan, p);
		return err_set(e, TSU_ENOTFOUND, _("client %lld has no plan yet; add one first"), (long long)client_id);
	}
	return get_own(d, &rt_plan, id, client_id, p, e);
}

/* ---- the plan ---- */

static void plan_table(pform *f, db *d, const plan *p, bool draft)
{
	static const char *const heads[] = {
		"優先順位", "解決すべき課題（本人のニーズ）", "支援目標", "達成時期",
		"福祉サービス等\n種類・内容・量（頻度・時間）", "提供事業者名\n（担当者名・電話）",
		"課題解決のための本人の役割", "評価時期", "その他留意事項",
	};
	static const double w[] = { 0.75, 2, 2, 0.95, 2.2, 1.6, 1.6, 0.95, 1.4 };
	pblk *t = pform_table(f, heads, w, 9);
	plan_row *rows = NULL;
	size_t n = 0;

	if (store_record_list(d, &rt_plan_row, p->id, (void **)&rows, &n, NULL) != TSU_OK)
		return;
	for (size_t i = 0; i < n; i++) {
		char *prio = xasprintf("%d", rows[i].priority), *target = print_date_short(rows[i].target_on);
		char *review = print_date_short(rows[i].review_on);
		char *svc = join3(rows[i].service_kind, rows[i].service_detail, rows[i].service_amount, "\n");
		/* A row linked to the register prints the provider as it is
		 * now: edited once, every later print follows. */
		char *prov = draft ? xstrdup("") : store_provider_cell(d, &rows[i]);
		const char *cells[9] = {
			prio, rows[i].need, rows[i].goal, target, svc,
			prov, rows[i].client_role, review, rows[i].remarks,
		};
		pform_table_row(t, cells);
		free(prov);
		free(prio);
		free(target);
		free(review);
		free(svc);
	}
	record_free_list(&rt_plan_row, rows, n);
}

static int build_plan(db *d, int64_t client_id, int64_t id, const print_opts *o, pform **out, tsu_err *e)
{
	head h;
	plan p;
	pform *f;
	char *title, *sub;
	int rc;

	if ((rc = load_plan(d, client_id, id, &p, e)) != TSU_OK ||
	    (rc = head_load(d, client_id, p.id, o, &h, e)) != TSU_OK) {
		record_free(&rt_plan, &p);
		return rc;
	}
	title = plan_title(&h, &p);
	sub = printed_line(o);
	f = pform_new(title, sub, true);
	f->record_id = p.id;
	f->draft = strcmp(p.stage, "draft") == 0;
	plan_head(f, d, &h, &p, o, 3);
	pform_text(f, "利用者及びその家族の生活に対する意向（希望する生活）", p.wishes);
	pform_text(f, "総合的な援助の方針", p.policy);
	pform_text(f, "長期目標", p.long_goal);
	pform_text(f, "短期目標", p.short_goal);
	plan_table(f, d, &p, strcmp(p.stage, "draft") == 0);
	sign_line(f, p.consented_on);
	free(title);
	free(sub);
	head_free(&h);
	record_free(&rt_plan, &p);
	*out = f;
	return TSU_OK;
}

/* ---- the weekly schedule ---- */

static char *non_weekly_text(db *d, int64_t plan_id)
{
	non_weekly *v = NULL;
	size_t n = 0;
	strbuf o;

	sb_init(&o);
	if (store_record_list(d, &rt_non_weekly, plan_id, (void **)&v, &n, NULL) == TSU_OK)
		for (size_t i = 0; i < n; i++) {
			if (o.len)
				sb_addc(&o, '\n');
			sb_adds(&o, v[i].service);
			if (v[i].detail[0]) {
				sb_adds(&o, "：");
				sb_adds(&o, v[i].detail);
			}
		}
	record_free_list(&rt_non_weekly, v, n);
	if (!o.s)
		sb_adds(&o, "");
	return sb_steal(&o);
}

static int build_weekly(db *d, int64_t client_id, int64_t id, const print_opts *o, pform **out, tsu_err *e)
{
	head h;
	plan p;
	pform *f;
	pblk *w;
	weekly_slot *slots = NULL;
	size_t n = 0;
	char *sub, *nw;
	int rc;

	if ((rc = load_plan(d, client_id, id, &p, e)) != TSU_OK ||
	    (rc = head_load(d, client_id, p.id, o, &h, e)) != TSU_OK) {
		record_free(&rt_plan, &p);
		return rc;
	}
	sub = printed_line(o);
	f = pform_new(strcmp(p.stage, "draft") == 0 ? "週間計画表（案）" : "週間計画表", sub, true);
	f->record_id = p.id;
	f->draft = strcmp(p.stage, "draft") == 0;
	{
		char *written = print_date(p.written_on);
		const char *pairs[24];
		size_t np = 0;

		head_people(&h, pairs, &np);
		pairs[np++] = "障害支援区分";
		pairs[np++] = h.level;
		pairs[np++] = "相談支援事業者名";
		pairs[np++] = o->office ? o->office : "";
		pairs[np++] = "計画作成担当者";
		pairs[np++] = o->worker ? o->worker : "";
		pairs[np++] = strcmp(p.stage, "draft") == 0 ? "計画案作成日" : "計画作成日";
		pairs[np++] = written;
		pform_fields(f, 3, pairs, np / 2);
		free(written);
	}
	w = pform_week(f, "主な日常生活上の活動", p.daily_activities);
	if (store_record_list(d, &rt_weekly_slot, p.id, (void **)&slots, &n, NULL) == TSU_OK)
		for (size_t i = 0; i < n; i++)
			pform_week_slot(w, slots[i].weekday, slots[i].start_min, slots[i].end_min, slots[i].activity);
	record_free_list(&rt_weekly_slot, slots, n);
	nw = non_weekly_text(d, p.id);
	pform_text(f, "週単位以外のサービス", nw);
	pform_text(f, "サービス提供によって実現する生活の全体像", p.overall_picture);
	free(nw);
	free(sub);
	head_free(&h);
	record_free(&rt_plan, &p);
	*out = f;
	return TSU_OK;
}

/* ---- the monitoring report ---- */

static const char *yes_no(bool b)
{
	return b ? "有" : "無";
}

static char *method_marks(const char *m)
{
	return xasprintf("%s訪問　%s来所　%sその他",
			 strcmp(m, "visit") == 0 ? "■" : "□",
			 strcmp(m, "office") == 0 ? "■" : "□",
			 strcmp(m, "other") == 0 ? "■" : "□");
}

static void monitoring_row_cells(pblk *t, const monitoring_row *r, const plan_row *pr)
{
	char *prio = pr ? xasprintf("%d", pr->priority) : xstrdup("－");
	char *target = pr ? print_date_short(pr->target_on) : xstrdup("");
	char *score = r->gas == FIELD_INT_NULL ? NULL : print_gas(r->gas);
	char *gas = score ? xasprintf("GAS %s", score) : xstrdup("");
	char *att = join3(r->attainment, gas, NULL, "\n");
	char *chg = xasprintf("サービス種類 %s\nサービス量 %s\n週間計画 %s",
			      yes_no(r->change_kind), yes_no(r->change_amount), yes_no(r->change_weekly));
	const char *cells[9] = {
		prio, pr ? pr->goal : "", target, r->delivery, r->satisfaction, att, r->next_steps, chg, r->remarks,
	};

	pform_table_row(t, cells);
	free(prio);
	free(target);
	free(score);
	free(gas);
	free(att);
	free(chg);
}

/* The monitoring's rows in the priority order of their plan rows. */
static void monitoring_table(pform *f, db *d, const monitoring *m)
{
	static const char *const heads[] = {
		"優先順位", "支援目標", "達成時期", "サービス提供状況\n（事業者からの聞き取り）",
		"本人の感想・満足度", "支援目標の達成度\n（ニーズの充足度）", "今後の課題・解決方法",
		"計画変更の必要性", "その他留意事項",
	};
	static const double w[] = { 0.75, 1.8, 0.95, 1.9, 1.6, 1.5, 1.8, 1.25, 1.3 };
	pblk *t = pform_table(f, heads, w, 9);
	monitoring_row *rows = NULL;
	plan_row *prs;
	size_t n = 0;
	bool *used;

	if (store_record_list(d, &rt_monitoring_row, m->id, (void **)&rows, &n, NULL) != TSU_OK)
		return;
	prs = xcalloc(n ? n : 1, sizeof *prs);
	used = xcalloc(n ? n : 1, sizeof *used);
	for (size_t i = 0; i < n; i++)
		if (!rows[i].plan_row_id || store_record_get(d, &rt_plan_row, rows[i].plan_row_id, &prs[i], NULL) != TSU_OK) {
			record_free(&rt_plan_row, &prs[i]);
			record_init(&rt_plan_row, &prs[i]);
			prs[i].priority = 1000;   /* rows of deleted goals go last */
			prs[i].id = 0;
		}
	for (size_t k = 0; k < n; k++) {
		size_t best = n;
		for (size_t i = 0; i < n; i++)
			if (!used[i] && (best == n || prs[i].priority < prs[best].priority))
				best = i;
		used[best] = true;
		monitoring_row_cells(t, &rows[best], prs[best].id ? &prs[best] : NULL);
	}
	record_free_list(&rt_plan_row, prs, n);
	record_free_list(&rt_monitoring_row, rows, n);
	free(used);
}

static int build_monitoring(db *d, int64_t client_id, int64_t id, const print_opts *o, pform **out, tsu_err *e)
{
	monitoring m;
	head h;
	plan p;
	pform *f;
	char *sub, *done, *method, *title;
	int rc;

	if (!id)
		id = store_latest_done_monitoring(d, client_id);
	if (!id)
		return err_set(e, TSU_ENOTFOUND, _("client %lld has no monitoring done yet; record one first"), (long long)client_id);
	if ((rc = get_own(d, &rt_monitoring, id, client_id, &m, e)) != TSU_OK) {
		record_free(&rt_monitoring, &m);
		return rc;
	}
	rc = m.plan_id ? store_record_get(d, &rt_plan, m.plan_id, &p, e) : load_plan(d, client_id, 0, &p, e);
	if (rc != TSU_OK || (rc = head_load(d, client_id, p.id, o, &h, e)) != TSU_OK) {
		record_free(&rt_monitoring, &m);
		record_free(&rt_plan, &p);
		return rc;
	}
	sub = printed_line(o);
	title = xasprintf("モニタリング報告書（%s）",
			  service_monitoring_kind(&h.mix, strcmp(h.c.case_kind, "child") == 0));
	f = pform_new(title, sub, true);
	f->record_id = m.id;
	free(title);
	plan_head(f, d, &h, &p, o, 3);
	done = print_date(m.done_on != DATE_NONE ? m.done_on : DATE_NONE);
	method = method_marks(m.method);
	{
		const char *pairs[] = { "モニタリング実施日", done, "実施方法", method };
		pform_fields(f, 2, pairs, 2);
	}
	pform_text(f, "総合的な援助の方針", p.policy);
	pform_text(f, "全体の状況", m.situation);
	monitoring_table(f, d, &m);
	if (m.remarks[0])
		pform_text(f, "備考", m.remarks);
	sign_line(f, DATE_NONE);
	free(sub);
	free(done);
	free(method);
	head_free(&h);
	record_free(&rt_plan, &p);
	record_free(&rt_monitoring, &m);
	*out = f;
	return TSU_OK;
}

int print_build(db *d, print_kind k, int64_t client_id, int64_t id,
		const print_opts *o, pform **out, tsu_err *e)
{
	*out = NULL;
	switch (k) {
	case PRINT_ASSESSMENT: return print_build_assessment(d, client_id, id, o, out, e);
	case PRINT_PLAN: return build_plan(d, client_id, id, o, out, e);
	case PRINT_WEEKLY: return build_weekly(d, client_id, id, o, out, e);
	case PRINT_MONITORING: return build_monitoring(d, client_id, id, o, out, e);
	case PRINT_PREP: return print_build_prep(d, client_id, id, o, out, e);
	case PRINT_RECORD: return print_build_record(d, client_id, o, out, e);
	case PRINT_MEETING: return print_build_meeting(d, client_id, id, o, out, e);
	case PRINT_SUMMARY: return print_build_summary(d, client_id, o, out, e);
	}
	return err_set(e, TSU_EINVAL, _("unknown form"));
}
