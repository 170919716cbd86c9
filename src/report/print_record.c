/*
 * print_record.c - 支援経過記録 (progress record): a client's notes of a
 * period, oldest first, each under a line with its date and time, kind,
 * 相手 and minutes, its parts as labelled blocks in the note's own style
 * (SOAP, or 事実 / 解釈) and its 次の対応.  The text goes over as many
 * pages as it takes, numbered "n / m" in the text and the PDF alike.
 *
 * The ministry gives no model form for the 支援経過記録 of 計画相談支援;
 * the 指定基準 (平成24年厚生労働省令第28号) ask that the record of the
 * support given be kept for five years.  The labels here are GLOSSARY.md's
 * (支援経過記録, 面談・訪問・電話・会議・同行) and the note's own (SOAP,
 * 事実・解釈・次の対応); not confirmed against an official form.
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

/* "令和8年9月1日（火） 10:00　訪問　相手：母　30分" */
static char *note_line(const note *n, const print_names *names)
{
	char *d = print_date(n->noted_on), *with = print_names_hide(names, n->with_whom), *s;
	strbuf b;

	sb_init(&b);
	sb_addf(&b, "%s（%s）", d, date_weekday_ja(date_weekday(n->noted_on)));
	if (n->noted_at[0])
		sb_addf(&b, " %s", n->noted_at);
	sb_addf(&b, "　%s", print_note_kind(n->kind));
	if (with[0])
		sb_addf(&b, "　相手：%s", with);
	if (n->minutes != FIELD_INT_NULL)
		sb_addf(&b, "　%d分", n->minutes);
	free(d);
	free(with);
	s = sb_steal(&b);
	return s;
}

static void part(pform *f, const print_names *names, const char *label, const char *text)
{
	char *t;

	if (!text[0])
		return;
	t = print_names_hide(names, text);
	pform_text(f, label, t);
	free(t);
}

static void one_note(pform *f, const note *n, const print_names *names)
{
	bool soap = n->subjective[0] || n->objective[0] || n->assessment[0] || n->plan[0];
	bool fact = n->fact[0] || n->interpretation[0];
	char *line = note_line(n, names);

	pform_heading(f, line);
	free(line);
	if (soap) {
		part(f, names, "S（主観的情報）", n->subjective);
		part(f, names, "O（客観的情報）", n->objective);
		part(f, names, "A（アセスメント）", n->assessment);
		part(f, names, "P（計画）", n->plan);
	}
	if (fact) {
		part(f, names, "事実", n->fact);
		part(f, names, "解釈", n->interpretation);
	}
	if (n->next_step[0]) {
		char *by = print_date(n->next_on), *done = print_date(n->next_done_on);
		char *step = print_names_hide(names, n->next_step);
		strbuf t;

		sb_init(&t);
		sb_adds(&t, step);
		if (by[0])
			sb_addf(&t, "\n（期限 %s）", by);
		if (done[0])
			sb_addf(&t, "（済 %s）", done);
		pform_text(f, "次の対応", t.s);
		sb_free(&t);
		free(step);
		free(by);
		free(done);
	} else if (!soap && !fact) {
		pform_text(f, "内容", "（記載なし）");
	}
}

int print_build_record(db *d, int64_t client_id, const print_opts *o, pform **out, tsu_err *e)
{
	note *notes = NULL;
	size_t nn = 0;
	date_t to = o->to != DATE_NONE ? o->to : o->today;
	print_numbers no;
	print_names names;
	char *name, *made, *from_s, *to_s, *period, *sub, from_iso[DATE_ISO_LEN], to_iso[DATE_ISO_LEN];
	pform *f;
	client c;
	int rc;

	if (o->from != DATE_NONE && o->from > to)
		return err_set(e, TSU_EINVAL, _("--from is after --to; give the period's first day first"));
	if ((rc = store_client_get(d, client_id, &c, e)) != TSU_OK) {
		client_free(&c);
		return rc;
	}
	if ((rc = store_notes_in_period(d, client_id, o->from, to, &notes, &nn, e)) != TSU_OK) {
		client_free(&c);
		return rc;
	}
	print_names_load(d, &c, o->initials, &names);
	print_numbers_load(d, &c, &no);
	name = print_client_name(&c, o->initials);
	made = print_date(o->today);
	/* Without --from the period starts at the first note printed. */
	from_s = print_date(o->from != DATE_NONE ? o->from : nn ? notes[0].noted_on : to);
	to_s = print_date(to);
	period = xasprintf("%s〜%s", from_s, to_s);
	sub = xasprintf("出力日 %s", made);
	f = pform_new("支援経過記録", sub, false);
	f->paged = true;
	date_format_iso(o->from != DATE_NONE ? o->from : nn ? notes[0].noted_on : to, from_iso);
	date_format_iso(to, to_iso);
	f->file_tag = xasprintf("%.4s%.2s%.2s-%.4s%.2s%.2s", from_iso, from_iso + 5, from_iso + 8,
				to_iso, to_iso + 5, to_iso + 8);
	{
		char count[32];
		snprintf(count, sizeof count, "%zu件", nn);
		const char *pairs[] = {
			"利用者氏名", name,
			"受給者証番号", no.service[0] ? no.service : no.day,
			"相談支援事業者名", o->office ? o->office : "",
			"相談支援専門員", o->worker ? o->worker : "",
			"期間", period,
			"記録の件数", count,
		};
		pform_fields(f, 2, pairs, 6);
	}
	for (size_t i = 0; i < nn; i++)
		one_note(f, &notes[i], &names);
	if (!nn)
		pform_text(f, "記録", "この期間の記録はありません。");
	free(name);
	free(made);
	free(from_s);
	free(to_s);
	free(period);
	free(sub);
	print_numbers_free(&no);
	print_names_free(&names);
	record_free_list(&rt_note, notes, nn);
	client_free(&c);
	*out = f;
	return TSU_OK;
}
