/*
 * print_meeting.c - サービス担当者会議の要点 (care-team meeting minutes):
 * when and where, who attended and from which organisation, the items
 * discussed (検討した項目), what was concluded (結論), the 合意事項 with
 * their owner, deadline and indicator, and the remaining issues.
 *
 * The labels follow the 介護保険 model form 第4表 「サービス担当者会議の
 * 要点」 (開催日・開催場所・開催時間・会議出席者（所属（職種）・氏名）・
 * 検討した項目・検討内容・結論・残された課題（次回の開催時期）), as
 * described at https://www.tricare.jp/knowledge/category4/category4_1/3339 ;
 * no model form of the 障害福祉 side was found, and the 第4表 itself
 * (老企第29号) was not read here.  GLOSSARY.md makes 合意事項 the one word
 * for an action item, so the meeting's own "what was agreed" prints as
 * 結論 (as the screen labels it), and its remarks as 残された課題.
 *
 * Attendees are free text, one per line or separated by 、: "氏名（所属）"
 * gives both columns; an entry without brackets is a role or an
 * organisation ("母", "○○事業所") and goes under 所属（職種）.  With
 * --initials a name the records know becomes its initials and any other
 * name in brackets' place prints as （省略）.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tsunagi/i18n.h"
#include "tsunagi/print.h"
#include "tsunagi/store_client.h"
#include "tsunagi/store_print.h"
#include "tsunagi/text.h"
#include "tsunagi/xalloc.h"

static void attendee(pblk *t, const char *entry, const print_names *names)
{
	const char *open = strstr(entry, "（"), *close;
	size_t ol = 3;
	char *who, *org, *shown;

	if (!open) {
		open = strchr(entry, '(');
		ol = 1;
	}
	close = open ? strstr(open + ol, ol == 3 ? "）" : ")") : NULL;
	if (open && close) {
		char *w0 = xstrndup(entry, (size_t)(open - entry));
		who = text_trim(w0);
		free(w0);
		org = xstrndup(open + ol, (size_t)(close - open) - ol);
	} else {
		who = xstrdup("");
		org = xstrdup(entry);
	}
	shown = print_names_hide(names, who);
	if (names->on && shown[0] && strcmp(shown, who) == 0) {
		free(shown);
		shown = xstrdup("（省略）");
	}
	{
		char *o2 = print_names_hide(names, org);
		const char *cells[] = { o2, shown };
		pform_table_row(t, cells);
		free(o2);
	}
	free(shown);
	free(who);
	free(org);
}

static void attendees(pform *f, const char *text, const print_names *names)
{
	static const char *const heads[] = { "所属（職種）", "氏名" };
	static const double w[] = { 3, 2 };
	pblk *t = pform_table(f, heads, w, 2);
	const char *p = text;

	while (*p) {
		size_t n = 0, sep = 0;
		char *raw, *e;
		while (p[n] && p[n] != '\n' && strncmp(p + n, "、", 3) != 0)
			n++;
		sep = !p[n] ? 0 : p[n] == '\n' ? 1 : 3;
		raw = xstrndup(p, n);
		e = text_trim(raw);
		if (e[0])
			attendee(t, e, names);
		free(e);
		free(raw);
		p += n + sep;
	}
	if (!t->nrows) {
		const char *cells[] = { "（記載なし）", "" };
		pform_table_row(t, cells);
	}
}

static void action_items(pform *f, db *d, int64_t meeting_id, const print_names *names)
{
	static const char *const heads[] = { "合意事項", "担当", "期限", "評価指標", "実施日" };
	static const double w[] = { 5, 2, 2, 3, 2 };
	action_item *ai = NULL;
	size_t na = 0;
	pblk *t;

	if (store_record_list(d, &rt_action_item, meeting_id, (void **)&ai, &na, NULL) != TSU_OK)
		na = 0;
	if (!na) {
		pform_text(f, "合意事項", "（なし）");
		return;
	}
	t = pform_table(f, heads, w, 5);
	for (size_t i = 0; i < na; i++) {
		char *what = print_names_hide(names, ai[i].what), *owner = print_names_hide(names, ai[i].owner);
		char *ind = print_names_hide(names, ai[i].indicator);
		char *due = print_date(ai[i].due_on), *done = print_date(ai[i].done_on);
		const char *cells[] = { what, owner, due, ind, done };
		pform_table_row(t, cells);
		free(what);
		free(owner);
		free(ind);
		free(due);
		free(done);
	}
	record_free_list(&rt_action_item, ai, na);
}

static void hidden_text(pform *f, const print_names *names, const char *label, const char *text)
{
	char *t = print_names_hide(names, text);
	pform_text(f, label, t[0] ? t : "（記載なし）");
	free(t);
}

int print_build_meeting(db *d, int64_t client_id, int64_t id, const print_opts *o,
			pform **out, tsu_err *e)
{
	print_names names;
	print_numbers no;
	meeting m;
	client c;
	pform *f;
	char *name, *made, *held, *sub, *place;
	int rc;

	if (!id && (rc = store_meeting_latest(d, client_id, o->today, &id, e)) != TSU_OK)
		return rc;
	if ((rc = store_record_get(d, &rt_meeting, id, &m, e)) != TSU_OK) {
		record_free(&rt_meeting, &m);
		return rc;
	}
	if (m.client_id != client_id) {
		record_free(&rt_meeting, &m);
		return err_set(e, TSU_EINVAL, _("%s %lld belongs to another client; give an id of this client's"),
			       _("meeting"), (long long)id);
	}
	if ((rc = store_client_get(d, client_id, &c, e)) != TSU_OK) {
		client_free(&c);
		record_free(&rt_meeting, &m);
		return rc;
	}
	print_names_load(d, &c, o->initials, &names);
	print_numbers_load(d, &c, &no);
	name = print_client_name(&c, o->initials);
	made = print_date(o->today);
	held = print_date(m.held_on);
	sub = xasprintf("出力日 %s", made);
	place = print_names_hide(&names, m.place);
	f = pform_new("サービス担当者会議の要点", sub, false);
	f->paged = true;
	f->record_id = m.id;
	{
		const char *pairs[] = {
			"利用者氏名", name,
			"受給者証番号", no.service[0] ? no.service : no.day,
			"相談支援事業者名", o->office ? o->office : "",
			"相談支援専門員", o->worker ? o->worker : "",
			"開催日", held,
			"開催時間", m.held_at,
			"開催場所", place,
			"作成日", made,
		};
		pform_fields(f, 2, pairs, 8);
	}
	pform_heading(f, "会議出席者");
	attendees(f, m.attendees, &names);
	hidden_text(f, &names, "検討した項目", m.agenda);
	hidden_text(f, &names, "結論", m.agreed);
	pform_heading(f, "合意事項（担当・期限）");
	action_items(f, d, m.id, &names);
	hidden_text(f, &names, "残された課題", m.remarks);
	free(name);
	free(made);
	free(held);
	free(sub);
	free(place);
	print_numbers_free(&no);
	print_names_free(&names);
	client_free(&c);
	record_free(&rt_meeting, &m);
	*out = f;
	return TSU_OK;
}
