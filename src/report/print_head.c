/*
 * print_head.c - what the head of every printed form takes from more
 * than one record: the client's three recipient numbers (障害福祉サービス,
 * 地域相談支援, 通所), the guardian (保護者) of a child, which services
 * the plan uses (its form's title), the monitoring months as the
 * certificate writes them, and the file name a printout gets.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tsunagi/due.h"
#include "tsunagi/print.h"
#include "tsunagi/records.h"
#include "tsunagi/store_client.h"
#include "tsunagi/store_lookup.h"
#include "tsunagi/text.h"
#include "tsunagi/xalloc.h"

void print_numbers_free(print_numbers *n)
{
	free(n->service);
	free(n->community);
	free(n->day);
}

static void take(char **slot, const char *v)
{
	if (!(*slot)[0] && v[0]) {
		free(*slot);
		*slot = xstrdup(v);
	}
}

void print_numbers_load(db *d, const client *c, print_numbers *n)
{
	certificate *cert = NULL;
	size_t ncert = 0;
	bool child = strcmp(c->case_kind, "child") == 0;

	n->service = xstrdup("");
	n->community = xstrdup("");
	n->day = xstrdup("");
	/* The newest certificate of each kind (the list is newest first). */
	if (store_record_list(d, &rt_certificate, c->id, (void **)&cert, &ncert, NULL) == TSU_OK)
		for (size_t i = 0; i < ncert; i++) {
			if (!strcmp(cert[i].kind, "service"))
				take(&n->service, cert[i].number);
			else if (!strcmp(cert[i].kind, "community"))
				take(&n->community, cert[i].number);
			else if (!strcmp(cert[i].kind, "day_service"))
				take(&n->day, cert[i].number);
		}
	record_free_list(&rt_certificate, cert, ncert);
	/* The client's own recipient number, when no certificate carries
	 * it: a child's is the 通所 one, anyone else's the service one. */
	if (c->recipient_no[0] && strcmp(c->recipient_no, n->service) && strcmp(c->recipient_no, n->day) &&
	    strcmp(c->recipient_no, n->community))
		take(child && !n->day[0] ? &n->day : &n->service, c->recipient_no);
}

char *print_guardian_name(db *d, int64_t client_id, bool initials)
{
	contact *cs = NULL;
	size_t nc = 0;
	char *g = NULL;

	if (store_record_list(d, &rt_contact, client_id, (void **)&cs, &nc, NULL) != TSU_OK)
		return xstrdup("");
	/* The guardian role first, else the first of the family. */
	for (int pass = 0; pass < 2 && !g; pass++)
		for (size_t i = 0; i < nc && !g; i++)
			if (strcmp(cs[i].role, pass ? "family" : "guardian") == 0)
				g = initials ? text_initials(cs[i].kana) : xstrdup(cs[i].name);
	record_free_list(&rt_contact, cs, nc);
	return g ? g : xstrdup("");
}

void print_service_mix(db *d, int64_t plan_id, service_mix *m)
{
	plan_row *rows = NULL;
	non_weekly *nw = NULL;
	size_t n = 0, nn = 0;

	memset(m, 0, sizeof *m);
	if (store_record_list(d, &rt_plan_row, plan_id, (void **)&rows, &n, NULL) == TSU_OK)
		for (size_t i = 0; i < n; i++)
			service_mix_add(m, rows[i].service_kind);
	record_free_list(&rt_plan_row, rows, n);
	if (store_record_list(d, &rt_non_weekly, plan_id, (void **)&nw, &nn, NULL) == TSU_OK)
		for (size_t i = 0; i < nn; i++)
			service_mix_add(m, nw[i].service);
	record_free_list(&rt_non_weekly, nw, nn);
}

/* ---- the monitoring months, as the certificate writes them ---- */

/* "R9.1": the short era date of the month's first day without the day. */
static void month_short(month_t m, char *buf, size_t n)
{
	char *dot;

	date_format_wareki_short(month_first_day(m), buf, n);
	dot = strrchr(buf, '.');
	if (dot)
		*dot = '\0';
}

/* One interval's stretch: "毎月(R9.1〜R9.3)" or "6月ごと(R9.9〜R10.3)".
 * The months are the rules' (monitoring_due_months), so the printout
 * follows whatever the schedule rule is. */
static void add_stretch(strbuf *b, const due_plan *dp, month_t lo, month_t hi, int months)
{
	month_t found[64];
	size_t k = monitoring_due_months(dp, lo, hi, found, 64);
	char a[DATE_WAREKI_LEN], z[DATE_WAREKI_LEN];

	if (k == 0)
		return;
	if (k > 64)
		k = 64;
	month_short(found[0], a, sizeof a);
	month_short(found[k - 1], z, sizeof z);
	if (b->len)
		sb_adds(b, "、");
	if (months == 1)
		sb_adds(b, "毎月");
	else
		sb_addf(b, "%d月ごと", months);
	if (k == 1)
		sb_addf(b, "(%s)", a);
	else
		sb_addf(b, "(%s〜%s)", a, z);
}

char *print_monitoring_months(db *d, const plan *p)
{
	due_interval one = { p->anchor_month, p->monitoring_months }, *iv = NULL;
	size_t n = store_plan_intervals(d, p->id, &iv);
	due_plan dp = {
		.id = p->id, .client_id = p->client_id, .period_from = p->period_from,
		.period_to = p->period_to, .anchor = p->anchor_month, .months = p->monitoring_months,
	};
	month_t end = p->period_to != DATE_NONE ? date_month(p->period_to) : p->anchor_month + 120;
	strbuf b;

	if (n == 0) {
		dp.intervals = &one;
		dp.nintervals = 1;
	} else {
		dp.intervals = iv;
		dp.nintervals = n;
	}
	sb_init(&b);
	for (size_t i = 0; i < dp.nintervals; i++) {
		month_t lo = i == 0 ? dp.anchor : dp.intervals[i].from;
		month_t hi = i + 1 < dp.nintervals ? dp.intervals[i + 1].from - 1 : end;
		if (lo < dp.anchor)
			lo = dp.anchor;
		if (lo <= hi)
			add_stretch(&b, &dp, lo, hi, dp.intervals[i].months);
	}
	free(iv);
	if (!b.s)
		sb_adds(&b, "");
	return sb_steal(&b);
}

/* ---- file names ---- */

char *print_file_name(const pform *f, print_kind k, int64_t client_id, int64_t id)
{
	static const char *const names[] = { "assessment", "plan", "weekly", "monitoring", "prep",
					     "record", "meeting", "summary" };
	const char *what = (unsigned)k < 8 ? names[k] : "form";

	if (f && f->record_id)
		id = f->record_id;
	if (f && f->file_tag)
		return xasprintf("%s-%lld-%s.pdf", what, (long long)client_id, f->file_tag);
	if (k == PRINT_PLAN || k == PRINT_WEEKLY)
		return xasprintf("%s-%s-%lld-%lld.pdf", what, f && f->draft ? "draft" : "final",
				 (long long)client_id, (long long)id);
	return xasprintf("%s-%lld-%lld.pdf", what, (long long)client_id, (long long)id);
}
