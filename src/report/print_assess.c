/*
 * print_assess.c - the assessment as printed: the 申請者の現状(基本情報)
 * page of FORMS.md, then the ICF items grouped by component with the
 * fact (事実) and the interpretation (解釈) in separate columns, the ICF
 * code with its name, the qualifiers in words, and the strength and need
 * marks.  With --initials the address and phone are left out too.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tsunagi/i18n.h"
#include "tsunagi/icf.h"
#include "tsunagi/print.h"
#include "tsunagi/store_client.h"
#include "tsunagi/store_lookup.h"
#include "tsunagi/xalloc.h"

static const char *qualifier_ja(int q)
{
	switch (q) {
	case 0: return "問題なし";
	case 1: return "軽度";
	case 2: return "中等度";
	case 3: return "重度";
	case 4: return "完全";
	case 8: return "詳細不明";
	case 9: return "非該当";
	}
	return "";
}

/* "2 中等度"; d: "実行状況 2 中等度" and "能力 1 軽度"; e: 阻害因子 or 促進因子 +2. */
static char *qualifier_text(const assessment_item *it)
{
	bool d = strcmp(it->component, "d") == 0, e = strcmp(it->component, "e") == 0;
	char *a = NULL, *b = NULL, *s;

	if (it->qualifier != FIELD_INT_NULL) {
		if (e && it->qualifier <= 4)
			a = xasprintf("%s %s%d %s", it->facilitator ? "促進因子" : "阻害因子",
				      it->facilitator ? "+" : "", it->qualifier, qualifier_ja(it->qualifier));
		else
			a = xasprintf("%s%d %s", d ? "実行状況 " : "", it->qualifier, qualifier_ja(it->qualifier));
	}
	if (d && it->capacity != FIELD_INT_NULL)
		b = xasprintf("能力 %d %s", it->capacity, qualifier_ja(it->capacity));
	s = xasprintf("%s%s%s", a ? a : "", a && b ? "\n" : "", b ? b : "");
	free(a);
	free(b);
	return s;
}

static char *code_text(const assessment_item *it)
{
	const icf_entry *en = it->icf_code[0] ? icf_lookup(it->icf_code) : NULL;

	if (!it->icf_code[0])
		return xstrdup("");
	return en ? xasprintf("%s\n%s", it->icf_code, en->ja) : xstrdup(it->icf_code);
}

static char *age_at(date_t birth, date_t on)
{
	int by, bm, bd, y, m, d, age;

	if (birth == DATE_NONE || on == DATE_NONE)
		return xstrdup("");
	date_to_ymd(birth, &by, &bm, &bd);
	date_to_ymd(on, &y, &m, &d);
	age = y - by - (m < bm || (m == bm && d < bd));
	return xasprintf("%d歳", age);
}

static const char *sex_ja(const char *s)
{
	return !strcmp(s, "female") ? "女" : !strcmp(s, "male") ? "男" : !strcmp(s, "other") ? "その他" : "";
}

static void basic_page(pform *f, db *d, const client *c, const assessment *a, const char *complaint,
		       const print_opts *o)
{
	bool child = strcmp(c->case_kind, "child") == 0;
	char *guardian = child ? print_guardian_name(d, c->id, o->initials) : xstrdup("");
	print_numbers no;
	char *made = print_date(a->assessed_on), *birth = print_date(c->birth_on);
	char *age = age_at(c->birth_on, a->assessed_on), *name = print_client_name(c, o->initials);
	char *handbook = xasprintf("%s%s%s", c->handbook_kind, c->handbook_kind[0] && c->handbook_grade[0] ? "・" : "",
				   c->handbook_grade);
	char *level = c->support_level < 0 ? xstrdup("") :
		      c->support_level == 0 ? xstrdup("非該当") : xasprintf("区分%d", c->support_level);
	char *wishes = xasprintf("%s%s%s", complaint, complaint[0] && a->client_wishes[0] ? "\n" : "", a->client_wishes);
	const char *hidden = "（省略）";
	const char *pairs[] = {
		"作成日", made,
		"相談支援事業者名", o->office ? o->office : "",
		"計画作成担当者", o->worker ? o->worker : "",
		"氏名", name,
		"生年月日", birth,
		"年齢", age,
		"性別", sex_ja(c->sex),
		"住環境", c->housing,
		"住所", o->initials ? hidden : c->address,
		"電話", o->initials ? hidden : c->phone,
		"障害名・疾患名", c->disability,
		"手帳（種別・等級）", handbook,
		"障害支援区分", level,
		"障害福祉サービス受給者証番号", NULL,
		"地域相談支援受給者証番号", NULL,
		"通所受給者証番号", NULL,
		"保護者氏名", guardian,
	};
	size_t npairs = sizeof pairs / sizeof pairs[0] / 2;

	/* Every form carries the three recipient numbers, and a child's the
	 * guardian (保護者氏名). */
	print_numbers_load(d, c, &no);
	pairs[27] = no.service;
	pairs[29] = no.community;
	pairs[31] = no.day;
	pform_fields(f, 2, pairs, child ? npairs : npairs - 1);
	print_numbers_free(&no);
	free(guardian);
	pform_text(f, "家族構成", a->family);
	pform_text(f, "関係機関", a->agencies);
	pform_text(f, "生活歴", a->life_history);
	pform_text(f, "医療の状況", a->medical);
	pform_text(f, "本人の主訴と希望", wishes);
	pform_text(f, "家族の意向", a->family_wishes);
	free(made);
	free(birth);
	free(age);
	free(name);
	free(handbook);
	free(level);
	free(wishes);
}

static void icf_items(pform *f, db *d, int64_t assessment_id)
{
	static const char *const heads[] = { "コード", "評価点", "事実", "解釈", "強み・ニーズ" };
	static const double w[] = { 1.2, 1.05, 3, 3, 0.85 };
	static const char *const comps[] = { "b", "s", "d", "e", "personal" };
	assessment_item *items = NULL;
	size_t n = 0;
	pblk *t;

	if (store_record_list(d, &rt_assessment_item, assessment_id, (void **)&items, &n, NULL) != TSU_OK)
		return;
	t = pform_table(f, heads, w, 5);
	/* The list is already in component order; a section opens each. */
	for (size_t k = 0; k < 5; k++) {
		bool opened = false;
		for (size_t i = 0; i < n; i++) {
			char *code, *q, *marks, *sec;
			const char *cells[5];

			if (strcmp(items[i].component, comps[k]) != 0)
				continue;
			if (!opened) {
				sec = k < 4 ? xasprintf("%s（%s）", icf_component_ja(comps[k]), comps[k]) :
					      xstrdup(icf_component_ja(comps[k]));
				pform_table_section(t, sec);
				free(sec);
				opened = true;
			}
			code = code_text(&items[i]);
			q = qualifier_text(&items[i]);
			marks = xasprintf("%s%s%s", items[i].strength ? "強み" : "",
					  items[i].strength && items[i].need ? "\n" : "", items[i].need ? "ニーズ" : "");
			cells[0] = code;
			cells[1] = q;
			cells[2] = items[i].fact;
			cells[3] = items[i].interpretation;
			cells[4] = marks;
			pform_table_row(t, cells);
			free(code);
			free(q);
			free(marks);
		}
	}
	record_free_list(&rt_assessment_item, items, n);
}

int print_build_assessment(db *d, int64_t client_id, int64_t id, const print_opts *o,
			   pform **out, tsu_err *e)
{
	assessment a;
	intake *in = NULL;
	size_t nin = 0;
	client c;
	pform *f;
	char *sub, *today;
	int rc;

	if (!id) {
		id = store_latest_assessment(d, client_id);
		if (!id)
			return err_set(e, TSU_ENOTFOUND, _("client %lld has no assessment yet; add one first"),
				       (long long)client_id);
	}
	if ((rc = store_record_get(d, &rt_assessment, id, &a, e)) != TSU_OK) {
		record_free(&rt_assessment, &a);
		return rc;
	}
	if (a.client_id != client_id) {
		record_free(&rt_assessment, &a);
		return err_set(e, TSU_EINVAL, _("%s %lld belongs to another client; give an id of this client's"),
			       _("assessment"), (long long)id);
	}
	if ((rc = store_client_get(d, client_id, &c, e)) != TSU_OK) {
		client_free(&c);
		record_free(&rt_assessment, &a);
		return rc;
	}
	/* The chief complaint from the latest intake, when there is one. */
	store_record_list(d, &rt_intake, client_id, (void **)&in, &nin, NULL);
	today = print_date(o->today);
	sub = xasprintf("出力日 %s", today);
	f = pform_new("申請者の現状（基本情報）", sub, false);
	f->fill_page = true;   /* a sheet to write on, not a third left empty */
	basic_page(f, d, &c, &a, nin ? in[0].complaint : "", o);
	pform_heading(f, "アセスメント（ICF：国際生活機能分類）");
	pform_text(f, "健康状態", a.health);
	icf_items(f, d, a.id);
	if (a.remarks[0])
		pform_text(f, "備考", a.remarks);
	record_free_list(&rt_intake, in, nin);
	client_free(&c);
	record_free(&rt_assessment, &a);
	free(today);
	free(sub);
	*out = f;
	return TSU_OK;
}
