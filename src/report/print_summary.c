/*
 * print_summary.c - 情報提供書 / フェイスシート: the case summary a hospital
 * asks for on admission, or another office taking the case over: the
 * basic information, disability and diagnoses, medication and medical
 * contacts, the services in use with their providers and phones (the
 * provider register), the key person, the plan's goals and what to take
 * care of, with the party it is for and the consent that covers it.
 *
 * No national model form of an information sheet for 計画相談支援 was
 * found; the 入院時情報連携加算 of the 2024 fee revision asks that the
 * hospital get the client's 心身の状況, 生活環境 and service use, which
 * these sections give.  The section names are ours (not confirmed against
 * an official form).  Medication has no field of its own: it prints the
 * latest assessment's 医療の状況, where the worker writes it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tsunagi/consent.h"
#include "tsunagi/i18n.h"
#include "tsunagi/print.h"
#include "tsunagi/store_client.h"
#include "tsunagi/store_plan.h"
#include "tsunagi/store_provider.h"
#include "tsunagi/text.h"
#include "tsunagi/xalloc.h"

int print_summary_consent(db *d, int64_t client_id, const char *party, date_t on,
			  int64_t *consent_id, char **why, tsu_err *e)
{
	consent *v = NULL;
	size_t n = 0;
	const consent *c;
	int rc;

	*consent_id = 0;
	if (why)
		*why = NULL;
	if ((rc = store_record_list(d, &rt_consent, client_id, (void **)&v, &n, e)) != TSU_OK)
		return rc;
	c = consent_covering(v, n, party, on);
	if (c) {
		char *from = print_date(c->valid_from), *to = print_date(c->valid_to);
		*consent_id = c->id;
		if (why)
			*why = xasprintf("同意あり（同意書の提供先：%s%s%s、有効期間 %s〜%s）", c->shared_with,
					 c->purpose[0] ? "、目的：" : "", c->purpose, from, to);
		free(from);
		free(to);
	} else if (why) {
		*why = xstrdup("同意書の確認なし（出力日に有効な同意書に、この提供先の記載がありません）");
	}
	record_free_list(&rt_consent, v, n);
	return TSU_OK;
}

static char *age_at(date_t birth, date_t on)
{
	int by, bm, bd, y, m, dd;

	if (birth == DATE_NONE)
		return xstrdup("");
	date_to_ymd(birth, &by, &bm, &bd);
	date_to_ymd(on, &y, &m, &dd);
	return xasprintf("%d歳", y - by - (m < bm || (m == bm && dd < bd)));
}

static const char *sex_ja(const char *s)
{
	return !strcmp(s, "female") ? "女" : !strcmp(s, "male") ? "男" : !strcmp(s, "other") ? "その他" : "";
}

static void basics(pform *f, db *d, const client *c, const print_opts *o)
{
	const char *hidden = "（省略）";
	char *name = print_client_name(c, o->initials), *birth = print_date(c->birth_on);
	char *age = age_at(c->birth_on, o->today), *born = xasprintf("%s%s%s%s", birth, age[0] ? "（" : "", age,
								    age[0] ? "）" : "");
	char *level = c->support_level < 0 ? xstrdup("") :
		      c->support_level == 0 ? xstrdup("非該当") : xasprintf("区分%d", c->support_level);
	char *handbook = xasprintf("%s%s%s", c->handbook_kind, c->handbook_kind[0] && c->handbook_grade[0] ? "・" : "",
				   c->handbook_grade);
	print_numbers no;

	print_numbers_load(d, c, &no);
	{
		const char *pairs[] = {
			"氏名", name,
			"生年月日（年齢）", born,
			"性別", sex_ja(c->sex),
			"障害支援区分", level,
			"住所", o->initials ? hidden : c->address,
			"電話", o->initials ? hidden : c->phone,
			"受給者証番号", no.service[0] ? no.service : no.day,
			"支給決定市町村", c->municipality,
			"手帳（種別・等級）", handbook,
			"住環境", c->housing,
		};
		pform_heading(f, "1. 基本情報");
		pform_fields(f, 2, pairs, 10);
	}
	print_numbers_free(&no);
	free(name);
	free(birth);
	free(age);
	free(born);
	free(level);
	free(handbook);
}

static void hidden_text(pform *f, const print_names *names, const char *label, const char *text)
{
	char *t = print_names_hide(names, text);
	pform_text(f, label, t[0] ? t : "（記載なし）");
	free(t);
}

static void health(pform *f, db *d, const client *c, const print_names *names)
{
	static const char *const heads[] = { "医療機関", "氏名（職種）", "電話" };
	static const double w[] = { 3, 3, 2 };
	assessment *as = NULL;
	contact *cs = NULL;
	size_t na = 0, nc = 0;
	pblk *t = NULL;

	if (store_record_list(d, &rt_assessment, c->id, (void **)&as, &na, NULL) != TSU_OK)
		na = 0;
	pform_heading(f, "2. 障害・疾患");
	hidden_text(f, names, "障害名・疾患名", c->disability);
	hidden_text(f, names, "健康状態", na ? as[0].health : "");
	pform_heading(f, "3. 服薬・医療");
	hidden_text(f, names, "医療の状況・服薬", na ? as[0].medical : "");
	if (store_record_list(d, &rt_contact, c->id, (void **)&cs, &nc, NULL) != TSU_OK)
		nc = 0;
	for (size_t i = 0; i < nc; i++) {
		char *who, *org;
		if (strcmp(cs[i].role, "doctor") != 0)
			continue;
		if (!t)
			t = pform_table(f, heads, w, 3);
		org = print_names_hide(names, cs[i].organization);
		{
			char *nm = print_names_hide(names, cs[i].name);
			who = xasprintf("%s%s%s%s", nm, cs[i].relation[0] ? "（" : "", cs[i].relation,
					cs[i].relation[0] ? "）" : "");
			free(nm);
		}
		{
			const char *cells[] = { org, who, cs[i].phone };
			pform_table_row(t, cells);
		}
		free(who);
		free(org);
	}
	if (!t)
		pform_text(f, "医療機関", "（登録なし）");
	record_free_list(&rt_contact, cs, nc);
	record_free_list(&rt_assessment, as, na);
}

/* The provider column: the register's cell; with --initials its name
 * and phone only (the contact person is a name). */
static char *provider_cell(db *d, const plan_row *r, const print_opts *o, const print_names *names)
{
	service_provider sp;
	char *s;

	if (!o->initials)
		return store_provider_cell(d, r);
	if (r->provider_id && store_record_get(d, &rt_service_provider, r->provider_id, &sp, NULL) == TSU_OK) {
		s = sp.phone[0] ? xasprintf("%s\n（電話 %s）", sp.name, sp.phone) : xstrdup(sp.name);
		record_free(&rt_service_provider, &sp);
		return s;
	}
	if (r->provider_id)
		record_free(&rt_service_provider, &sp);
	return print_names_hide(names, r->provider);
}

static void services_and_goals(pform *f, db *d, const client *c, const print_opts *o, const print_names *names)
{
	static const char *const heads[] = { "サービス種類", "内容・量", "事業所（担当者・電話）" };
	static const double w[] = { 2, 3, 3 };
	static const char *const gheads[] = { "解決すべき課題（本人のニーズ）", "支援目標" };
	static const double gw[] = { 1, 1 };
	plan p;
	plan_row *rows = NULL;
	non_weekly *nw = NULL;
	size_t nr = 0, nn = 0;
	pblk *t;

	pform_heading(f, "5. 利用中のサービス");
	if (store_plan_in_force(d, c->id, &p, NULL) != TSU_OK) {
		record_free(&rt_plan, &p);
		pform_text(f, "サービス", "（計画がまだありません）");
		pform_heading(f, "6. 計画の目標");
		pform_text(f, "目標", "（計画がまだありません）");
		return;
	}
	if (store_record_list(d, &rt_plan_row, p.id, (void **)&rows, &nr, NULL) != TSU_OK)
		nr = 0;
	if (store_record_list(d, &rt_non_weekly, p.id, (void **)&nw, &nn, NULL) != TSU_OK)
		nn = 0;
	t = pform_table(f, heads, w, 3);
	for (size_t i = 0; i < nr; i++) {
		char *what, *prov;
		if (!rows[i].service_kind[0] && !rows[i].service_detail[0])
			continue;
		what = xasprintf("%s%s%s", rows[i].service_detail, rows[i].service_detail[0] && rows[i].service_amount[0] ? "\n" : "",
				 rows[i].service_amount);
		prov = provider_cell(d, &rows[i], o, names);
		{
			char *hw = print_names_hide(names, what);
			const char *cells[] = { rows[i].service_kind, hw, prov };
			pform_table_row(t, cells);
			free(hw);
		}
		free(what);
		free(prov);
	}
	for (size_t i = 0; i < nn; i++) {
		char *det = print_names_hide(names, nw[i].detail);
		const char *cells[] = { nw[i].service, det, "" };
		pform_table_row(t, cells);
		free(det);
	}
	if (!t->nrows) {
		const char *cells[] = { "（なし）", "", "" };
		pform_table_row(t, cells);
	}
	pform_heading(f, "6. 計画の目標");
	{
		char *from = print_date(p.period_from), *to = print_date(p.period_to);
		char *period = xasprintf("%s〜%s（%s）", from, to, strcmp(p.stage, "draft") ? "計画" : "計画案");
		pform_text(f, "計画期間", period);
		free(period);
		free(from);
		free(to);
	}
	hidden_text(f, names, "長期目標", p.long_goal);
	hidden_text(f, names, "短期目標", p.short_goal);
	if (nr) {
		pblk *g = pform_table(f, gheads, gw, 2);
		for (size_t i = 0; i < nr; i++) {
			char *need = print_names_hide(names, rows[i].need), *goal = print_names_hide(names, rows[i].goal);
			const char *cells[] = { need, goal };
			if (need[0] || goal[0])
				pform_table_row(g, cells);
			free(need);
			free(goal);
		}
	}
	record_free_list(&rt_plan_row, rows, nr);
	record_free_list(&rt_non_weekly, nw, nn);
	record_free(&rt_plan, &p);
}

/* キーパーソン: the guardian, else the first of the family. */
static void key_person(pform *f, db *d, const client *c, const print_names *names)
{
	contact *cs = NULL;
	size_t nc = 0;
	const contact *k = NULL;

	if (store_record_list(d, &rt_contact, c->id, (void **)&cs, &nc, NULL) != TSU_OK)
		nc = 0;
	for (int pass = 0; pass < 2 && !k; pass++)
		for (size_t i = 0; i < nc && !k; i++)
			if (strcmp(cs[i].role, pass ? "family" : "guardian") == 0)
				k = &cs[i];
	if (k) {
		char *nm = print_names_hide(names, k->name);
		const char *pairs[] = { "氏名", nm, "続柄", k->relation, "電話", k->phone, "所属", k->organization };
		pform_fields(f, 2, pairs, 4);
		free(nm);
	} else {
		pform_text(f, "キーパーソン", "（登録なし）");
	}
	record_free_list(&rt_contact, cs, nc);
}

static void take_care(pform *f, db *d, const client *c, const print_names *names)
{
	crisis_plan *cp = NULL;
	size_t n = 0;

	pform_heading(f, "7. 留意事項");
	if (store_record_list(d, &rt_crisis_plan, c->id, (void **)&cp, &n, NULL) != TSU_OK)
		n = 0;
	if (n && (cp[0].warning_signs[0] || cp[0].actions[0] || cp[0].whom_to_call[0])) {
		hidden_text(f, names, "注意のサイン", cp[0].warning_signs);
		hidden_text(f, names, "その時の対応", cp[0].actions);
		hidden_text(f, names, "連絡先", cp[0].whom_to_call);
	}
	hidden_text(f, names, "その他", c->remarks);
	record_free_list(&rt_crisis_plan, cp, n);
}

int print_build_summary(db *d, int64_t client_id, const print_opts *o, pform **out, tsu_err *e)
{
	print_names names;
	client c;
	pform *f;
	char *made, *sub, *why = NULL, *party, iso[DATE_ISO_LEN];
	int64_t consent_id;
	int rc;

	if (!o->party || !o->party[0])
		return err_set(e, TSU_EINVAL, _("summary: say to whom it goes with --to, like --to ○○病院"));
	if ((rc = store_client_get(d, client_id, &c, e)) != TSU_OK) {
		client_free(&c);
		return rc;
	}
	if ((rc = print_summary_consent(d, client_id, o->party, o->today, &consent_id, &why, e)) != TSU_OK) {
		client_free(&c);
		return rc;
	}
	print_names_load(d, &c, o->initials, &names);
	made = print_date(o->today);
	sub = xasprintf("出力日 %s", made);
	party = print_names_hide(&names, o->party);
	f = pform_new("情報提供書（フェイスシート）", sub, false);
	f->paged = true;
	date_format_iso(o->today, iso);
	f->file_tag = xasprintf("%.4s%.2s%.2s", iso, iso + 5, iso + 8);
	{
		const char *pairs[] = {
			"提供先", party,
			"提供日", made,
			"相談支援事業者名", o->office ? o->office : "",
			"相談支援専門員", o->worker ? o->worker : "",
		};
		pform_fields(f, 2, pairs, 4);
		char *why_shown = print_names_hide(&names, why);
		pform_text(f, "情報提供の同意", why_shown);
		free(why_shown);
	}
	basics(f, d, &c, o);
	health(f, d, &c, &names);
	pform_heading(f, "4. キーパーソン");
	key_person(f, d, &c, &names);
	services_and_goals(f, d, &c, o, &names);
	take_care(f, d, &c, &names);
	free(made);
	free(sub);
	free(why);
	free(party);
	print_names_free(&names);
	client_free(&c);
	*out = f;
	return TSU_OK;
}
