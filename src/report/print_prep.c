/*
 * print_prep.c - the one-page "before the meeting" sheet: what changed
 * lately, what has been stable or not, and what matters most next month.
 * The summary is drawn from the latest notes, the latest monitoring, the
 * goals' GAS scores and the open action items; the worker may edit it
 * (kept as the next meeting's agenda, store_prep_save), and the sheet
 * prints the edited text when there is one.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tsunagi/i18n.h"
#include "tsunagi/print.h"
#include "tsunagi/store_client.h"
#include "tsunagi/store_cycle.h"
#include "tsunagi/text.h"
#include "tsunagi/xalloc.h"

enum { RECENT_DAYS = 60, MAX_NOTES = 5, EXCERPT_COLS = 60 };

/* The first non-blank line of s, cut to EXCERPT_COLS columns with "…". */
static void excerpt(strbuf *o, const char *s)
{
	const char *nl;
	char *line;
	size_t n;

	while (*s == '\n' || *s == ' ')
		s++;
	nl = strchr(s, '\n');
	line = nl ? xstrndup(s, (size_t)(nl - s)) : xstrdup(s);
	n = text_fit(line, EXCERPT_COLS, NULL);
	sb_addn(o, line, n);
	if (line[n] || (nl && nl[1]))
		sb_adds(o, "…");
	free(line);
}

static const char *note_gist(const note *n)
{
	const char *v[] = { n->fact, n->subjective, n->objective, n->assessment, n->interpretation };

	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
		if (v[i][0])
			return v[i];
	return "";
}

static void bullet_date(strbuf *o, date_t d, const char *what)
{
	char *ds = print_date(d);

	sb_adds(o, "・");
	sb_adds(o, ds);
	sb_adds(o, " ");
	sb_adds(o, what);
	sb_adds(o, "：");
	free(ds);
}

static bool recent_changes(strbuf *o, const note *notes, size_t nn, const monitoring *m, date_t today)
{
	size_t shown = 0;
	bool any = false;

	for (size_t i = 0; i < nn && shown < MAX_NOTES; i++) {
		if (notes[i].noted_on < today - RECENT_DAYS || notes[i].noted_on > today || !note_gist(&notes[i])[0])
			continue;
		bullet_date(o, notes[i].noted_on, print_note_kind(notes[i].kind));
		excerpt(o, note_gist(&notes[i]));
		sb_addc(o, '\n');
		shown++;
		any = true;
	}
	if (m && m->situation[0]) {
		bullet_date(o, m->done_on, "モニタリング");
		excerpt(o, m->situation);
		sb_addc(o, '\n');
		any = true;
	}
	return any;
}

static bool stability(strbuf *o, const gas_trend *t, size_t n)
{
	bool any = false;

	for (size_t i = 0; i < n; i++) {
		const gas_point *p = t[i].points;
		size_t k = t[i].npoints;
		const char *word;

		if (!k)
			continue;
		if (k == 1)
			word = "評価1回";
		else
			word = p[k - 1].gas > p[k - 2].gas ? "改善" : p[k - 1].gas < p[k - 2].gas ? "悪化" : "変化なし";
		sb_adds(o, "・");
		sb_adds(o, word);
		sb_adds(o, "：");
		excerpt(o, t[i].goal);
		if (k == 1) {
			char *g = print_gas(p[0].gas);
			sb_addf(o, "（GAS %s）\n", g);
			free(g);
		} else {
			char *g1 = print_gas(p[k - 2].gas), *g2 = print_gas(p[k - 1].gas);
			sb_addf(o, "（GAS %s → %s）\n", g1, g2);
			free(g1);
			free(g2);
		}
		any = true;
	}
	return any;
}

static bool next_steps(strbuf *o, db *d, const monitoring *m, const note *notes, size_t nn, int64_t client_id)
{
	monitoring_row *rows = NULL;
	meeting *mt = NULL;
	size_t nr = 0, nm = 0;
	bool any = false;

	if (m && store_record_list(d, &rt_monitoring_row, m->id, (void **)&rows, &nr, NULL) == TSU_OK)
		for (size_t i = 0; i < nr; i++) {
			if (rows[i].next_steps[0]) {
				sb_adds(o, "・");
				excerpt(o, rows[i].next_steps);
				sb_addc(o, '\n');
				any = true;
			}
			if (rows[i].change_kind || rows[i].change_amount || rows[i].change_weekly) {
				sb_addf(o, "・計画変更の検討：%s%s%s\n", rows[i].change_kind ? "サービス種類 " : "",
					rows[i].change_amount ? "サービス量 " : "", rows[i].change_weekly ? "週間計画" : "");
				any = true;
			}
		}
	record_free_list(&rt_monitoring_row, rows, nr);
	if (store_record_list(d, &rt_meeting, client_id, (void **)&mt, &nm, NULL) == TSU_OK)
		for (size_t i = 0; i < nm; i++) {
			action_item *ai = NULL;
			size_t na = 0;
			if (store_record_list(d, &rt_action_item, mt[i].id, (void **)&ai, &na, NULL) != TSU_OK)
				continue;
			for (size_t k = 0; k < na; k++) {
				char *due;
				if (ai[k].done_on != DATE_NONE)
					continue;
				due = print_date(ai[k].due_on);
				sb_adds(o, "・約束事項：");
				excerpt(o, ai[k].what);
				if (ai[k].owner[0] || due[0])
					sb_addf(o, "（%s%s%s%s%s）", ai[k].owner[0] ? "担当 " : "", ai[k].owner,
						ai[k].owner[0] && due[0] ? "、" : "", due[0] ? "期限 " : "", due);
				sb_addc(o, '\n');
				free(due);
				any = true;
			}
			record_free_list(&rt_action_item, ai, na);
		}
	record_free_list(&rt_meeting, mt, nm);
	for (size_t i = 0; i < nn && i < MAX_NOTES; i++) {
		const char *nx = notes[i].next_step[0] ? notes[i].next_step : notes[i].plan;
		if (!nx[0])
			continue;
		bullet_date(o, notes[i].noted_on, "次の対応");
		excerpt(o, nx);
		sb_addc(o, '\n');
		any = true;
	}
	return any;
}

char *print_prep_summary(db *d, int64_t client_id, date_t today, tsu_err *e)
{
	note *notes = NULL;
	monitoring *ms = NULL, *m = NULL;
	gas_trend *t = NULL;
	size_t nn = 0, nm = 0, nt = 0;
	strbuf o;

	if (store_record_list(d, &rt_note, client_id, (void **)&notes, &nn, e) != TSU_OK)
		return NULL;
	if (store_record_list(d, &rt_monitoring, client_id, (void **)&ms, &nm, e) != TSU_OK) {
		record_free_list(&rt_note, notes, nn);
		return NULL;
	}
	for (size_t i = 0; i < nm && !m; i++)
		if (ms[i].done_on != DATE_NONE && ms[i].done_on <= today)
			m = &ms[i];
	if (store_gas_trend(d, client_id, &t, &nt, NULL) != TSU_OK)
		nt = 0;
	sb_init(&o);
	sb_adds(&o, "【最近の変化】\n");
	if (!recent_changes(&o, notes, nn, m, today))
		sb_adds(&o, "・直近60日の記録はありません\n");
	sb_adds(&o, "【安定していること・不安定なこと】\n");
	if (!stability(&o, t, nt))
		sb_adds(&o, "・GASの評価はまだありません\n");
	sb_adds(&o, "【来月大切なこと】\n");
	if (!next_steps(&o, d, m, notes, nn, client_id))
		sb_adds(&o, "・記録された課題はありません\n");
	gas_trend_free(t, nt);
	record_free_list(&rt_note, notes, nn);
	record_free_list(&rt_monitoring, ms, nm);
	return sb_steal(&o);
}

int print_build_prep(db *d, int64_t client_id, int64_t id, const print_opts *o,
		     pform **out, tsu_err *e)
{
	char *text = NULL, *name, *made, *held, *sub;
	int64_t mid = 0, version = 0;
	meeting m;
	client c;
	pform *f;
	int rc;

	record_init(&rt_meeting, &m);
	if (id) {
		record_free(&rt_meeting, &m);
		if ((rc = store_record_get(d, &rt_meeting, id, &m, e)) != TSU_OK)
			goto fail;
		if (m.client_id != client_id) {
			rc = err_set(e, TSU_EINVAL, _("%s %lld belongs to another client; give an id of this client's"),
				     _("meeting"), (long long)id);
			goto fail;
		}
		text = xstrdup(m.agenda);
	} else {
		if ((rc = store_prep_get(d, client_id, o->today, &text, &mid, &version, e)) != TSU_OK)
			goto fail;
		if (mid) {
			record_free(&rt_meeting, &m);
			if ((rc = store_record_get(d, &rt_meeting, mid, &m, e)) != TSU_OK)
				goto fail;
		}
	}
	if ((rc = store_client_get(d, client_id, &c, e)) != TSU_OK) {
		client_free(&c);
		goto fail;
	}
	if (!text[0]) {
		free(text);
		if (!(text = print_prep_summary(d, client_id, o->today, e))) {
			client_free(&c);
			rc = e ? e->code : TSU_EFAIL;
			goto fail;
		}
	}
	name = print_client_name(&c, o->initials);
	made = print_date(o->today);
	held = m.held_on != DATE_NONE ? print_date(m.held_on) : xstrdup("未定");
	sub = xasprintf("出力日 %s", made);
	f = pform_new("会議前の確認シート", sub, false);
	{
		bool child = strcmp(c.case_kind, "child") == 0;
		char *guardian = child ? print_guardian_name(d, c.id, o->initials) : xstrdup("");
		print_numbers no;
		print_numbers_load(d, &c, &no);
		const char *pairs[] = {
			"利用者氏名", name, "作成日", made,
			"次回の会議", held, "相談支援事業者名", o->office ? o->office : "",
			"計画作成担当者", o->worker ? o->worker : "", "会議の場所", m.place,
			"障害福祉サービス受給者証番号", no.service, "地域相談支援受給者証番号", no.community,
			"通所受給者証番号", no.day, "保護者氏名", guardian,
		};
		pform_fields(f, 2, pairs, child ? 10 : 9);
		print_numbers_free(&no);
		free(guardian);
	}
	pform_text(f, "確認事項", text);
	free(name);
	free(made);
	free(held);
	free(sub);
	free(text);
	client_free(&c);
	record_free(&rt_meeting, &m);
	*out = f;
	return TSU_OK;
fail:
	free(text);
	record_free(&rt_meeting, &m);
	return rc;
}
