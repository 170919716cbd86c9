/*
 * text_search.c - the search across every client's written records
 * (store_search.h): notes, intakes, assessments with their ICF items,
 * monitorings with their rows.
 *
 * One statement reads all the sources as a UNION ALL of the same shape
 * (source, kind, record, client, date, time, note kind, name, kana, eight
 * texts).  The texts are matched in SQL by tsu_match(needle, texts...),
 * an application function folding each text as the client search does,
 * so only the hits reach the sort by date; the date and kind filters are
 * bound parameters (a false constant term skips its source's scan).
 */
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "tsunagi/db.h"
#include "tsunagi/i18n.h"
#include "tsunagi/store.h"
#include "tsunagi/store_search.h"
#include "tsunagi/text.h"
#include "tsunagi/xalloc.h"

enum { NTEXT = 8, FIRST_TEXT_COL = 9 };

/* Each source: its kind and the labels of its text columns, in the
 * order of the statement (the same msgids as the records' fields). */
static const struct {
	unsigned kind;
	const char *field[NTEXT];
} sources[] = {
	{ TS_NOTE, { N_("S: subjective"), N_("O: objective"), N_("A: assessment"), N_("P: plan"),
		     N_("fact"), N_("interpretation"), N_("next step"), N_("with whom") } },
	{ TS_INTAKE, { N_("chief complaint"), N_("client's wishes"), N_("family's wishes"),
		       N_("referral route"), N_("remarks") } },
	{ TS_ASSESSMENT, { N_("health condition"), N_("client's wishes"), N_("family's wishes"),
			   N_("family structure"), N_("agencies involved"), N_("life history"),
			   N_("medical situation"), N_("remarks") } },
	{ TS_ASSESSMENT, { N_("fact"), N_("interpretation"), N_("the need, as the plan states it") } },
	{ TS_MONITORING, { N_("overall situation"), N_("remarks") } },
	{ TS_MONITORING, { N_("service delivery"), N_("client's view"), N_("goal attainment"),
			   N_("next steps"), N_("remarks") } },
};

#define SEARCH_SQL \
	"SELECT * FROM (" \
	" SELECT 0 AS src, 1 AS kind, n.id AS rid, n.client_id AS cid, n.noted_on AS day, n.noted_at AS at," \
	"  n.kind AS nk, c.name AS name, c.kana AS kana, n.subjective AS t0, n.objective AS t1," \
	"  n.assessment AS t2, n.plan AS t3, n.fact AS t4, n.interpretation AS t5, n.next_step AS t6," \
	"  n.with_whom AS t7" \
	"  FROM note n JOIN client c ON c.id = n.client_id" \
	"  WHERE :note AND n.noted_on BETWEEN :from AND :to" \
	" UNION ALL" \
	" SELECT 1, 2, i.id, i.client_id, i.intake_on, '', '', c.name, c.kana, i.complaint," \
	"  i.client_wishes, i.family_wishes, i.referral_route, i.remarks, '', '', ''" \
	"  FROM intake i JOIN client c ON c.id = i.client_id" \
	"  WHERE :intake AND i.intake_on BETWEEN :from AND :to" \
	" UNION ALL" \
	" SELECT 2, 4, a.id, a.client_id, a.assessed_on, '', '', c.name, c.kana, a.health," \
	"  a.client_wishes, a.family_wishes, a.family, a.agencies, a.life_history, a.medical, a.remarks" \
	"  FROM assessment a JOIN client c ON c.id = a.client_id" \
	"  WHERE :assessment AND a.assessed_on BETWEEN :from AND :to" \
	" UNION ALL" \
	" SELECT 3, 4, a.id, a.client_id, a.assessed_on, '', '', c.name, c.kana, it.fact," \
	"  it.interpretation, it.need_words, '', '', '', '', ''" \
	"  FROM assessment_item it JOIN assessment a ON a.id = it.assessment_id" \
	"  JOIN client c ON c.id = a.client_id" \
	"  WHERE :assessment AND a.assessed_on BETWEEN :from AND :to" \
	" UNION ALL" \
	" SELECT 4, 8, m.id, m.client_id, coalesce(m.done_on, m.scheduled_on), '', '', c.name, c.kana," \
	"  m.situation, m.remarks, '', '', '', '', '', ''" \
	"  FROM monitoring m JOIN client c ON c.id = m.client_id" \
	"  WHERE :monitoring AND coalesce(m.done_on, m.scheduled_on) BETWEEN :from AND :to" \
	" UNION ALL" \
	" SELECT 5, 8, m.id, m.client_id, coalesce(m.done_on, m.scheduled_on), '', '', c.name, c.kana," \
	"  r.delivery, r.satisfaction, r.attainment, r.next_steps, r.remarks, '', '', ''" \
	"  FROM monitoring_row r JOIN monitoring m ON m.id = r.monitoring_id" \
	"  JOIN client c ON c.id = m.client_id" \
	"  WHERE :monitoring AND coalesce(m.done_on, m.scheduled_on) BETWEEN :from AND :to" \
	") WHERE tsu_match(:needle, t0, t1, t2, t3, t4, t5, t6, t7) >= 0" \
	" ORDER BY day DESC, at DESC, kind, rid DESC, src"

/* The index of the first text whose fold holds the folded needle, or -1. */
static int first_match(const char *needle, sqlite3_value **texts, int n)
{
	for (int i = 0; i < n; i++) {
		const char *t = (const char *)sqlite3_value_text(texts[i]);
		char *f;
		bool hit;

		if (!t || !t[0])
			continue;
		f = text_fold(t);
		hit = strstr(f, needle) != NULL;
		free(f);
		if (hit)
			return i;
	}
	return -1;
}

/* tsu_match(needle, t0, t1, ...): the SQL face of first_match. */
static void sql_match(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	const char *needle = (const char *)sqlite3_value_text(argv[0]);

	sqlite3_result_int(cx, needle && argc > 1 ? first_match(needle, argv + 1, argc - 1) : -1);
}

/* tsu_match is registered once per connection: a probe finds it. */
static void ensure_match(db *d)
{
	sqlite3 *h = db_handle(d);
	sqlite3_stmt *probe = NULL;

	if (sqlite3_prepare_v2(h, "SELECT tsu_match('', '')", -1, &probe, NULL) == SQLITE_OK) {
		sqlite3_finalize(probe);
		return;
	}
	sqlite3_create_function_v2(h, "tsu_match", -1, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
				   NULL, sql_match, NULL, NULL, NULL);
}

const char *store_text_kind_label(unsigned kind)
{
	switch (kind) {
	case TS_NOTE: return N_("progress note");
	case TS_INTAKE: return N_("intake");
	case TS_ASSESSMENT: return N_("assessment");
	case TS_MONITORING: return N_("monitoring");
	default: return "";
	}
}

static int refuse(tsu_err *e, const char *msg)
{
	return err_set(e, TSU_EINVAL, "%s", msg);
}

static void bind_range(db_stmt *s, const text_query *q)
{
	char iso[DATE_ISO_LEN];
	unsigned k = q->kinds ? q->kinds : TS_ALL;

	if (q->from != DATE_NONE) {
		date_format_iso(q->from, iso);
		db_bind_text(s, ":from", iso);
	} else {
		db_bind_text(s, ":from", "0000-00-00");
	}
	if (q->to != DATE_NONE) {
		date_format_iso(q->to, iso);
		db_bind_text(s, ":to", iso);
	} else {
		db_bind_text(s, ":to", "9999-99-99");
	}
	db_bind_int(s, ":note", (k & TS_NOTE) != 0);
	db_bind_int(s, ":intake", (k & TS_INTAKE) != 0);
	db_bind_int(s, ":assessment", (k & TS_ASSESSMENT) != 0);
	db_bind_int(s, ":monitoring", (k & TS_MONITORING) != 0);
}

static void fill_hit(db_stmt *s, const char *needle, text_hit *h)
{
	int src = db_col_int(s, 0), which = 0;

	h->kind = (unsigned)db_col_int(s, 1);
	h->record_id = db_col_int64(s, 2);
	h->client_id = db_col_int64(s, 3);
	h->on = db_col_date(s, 4);
	h->at = db_col_strdup(s, 5);
	h->note_kind = db_col_strdup(s, 6);
	h->client_name = db_col_strdup(s, 7);
	h->client_kana = db_col_strdup(s, 8);
	for (int i = 0; i < NTEXT; i++) {
		const char *t = db_col_text(s, FIRST_TEXT_COL + i);
		if (t[0] && text_fold_contains(t, needle)) {
			which = i;
			break;
		}
	}
	h->field = sources[src].field[which];
	h->text = db_col_strdup(s, FIRST_TEXT_COL + which);
}

int store_text_search(db *d, const text_query *q, size_t limit, size_t offset,
		      text_hit **out, size_t *n, bool *more, tsu_err *e)
{
	char *needle = text_fold(q->words ? q->words : "");
	db_stmt *s;
	text_hit *v = NULL;
	size_t len = 0, seen = 0;
	unsigned last_kind = 0;
	int64_t last_id = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (more)
		*more = false;
	if (!needle[0]) {
		free(needle);
		return refuse(e, _("search: type a word to look for"));
	}
	if (q->from != DATE_NONE && q->to != DATE_NONE && q->from > q->to) {
		free(needle);
		return refuse(e, _("search: the from date is after the to date; swap them or clear one"));
	}
	ensure_match(d);
	s = db_prepare(d, SEARCH_SQL);
	bind_range(s, q);
	db_bind_text(s, ":needle", needle);
	if (limit)
		v = xcalloc(limit, sizeof *v);
	while ((rc = db_step(s)) == DB_ROW) {
		unsigned kind = (unsigned)db_col_int(s, 1);
		int64_t id = db_col_int64(s, 2);

		/* An assessment and its items, a monitoring and its rows,
		 * come together in the order: each record once. */
		if (kind == last_kind && id == last_id)
			continue;
		last_kind = kind;
		last_id = id;
		if (seen++ < offset)
			continue;
		if (len == limit) {
			if (more)
				*more = true;
			break;
		}
		fill_hit(s, q->words, &v[len++]);
	}
	db_reset(s);
	free(needle);
	if (rc < 0) {
		text_hit_free_list(v, len);
		return db_error(d, e, _("searching the records"));
	}
	if (!len) {
		free(v);
		v = NULL;
	}
	*out = v;
	*n = len;
	return TSU_OK;
}

void text_hit_free_list(text_hit *h, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(h[i].at);
		free(h[i].note_kind);
		free(h[i].client_name);
		free(h[i].client_kana);
		free(h[i].text);
	}
	free(h);
}

/* ---- the snippet ---- */

/* The byte offset of each code point of s, and the end: *n + 1 offsets. */
static size_t *char_offsets(const char *s, size_t *n)
{
	size_t len = strlen(s), k = 0;
	size_t *v = xcalloc(len + 1, sizeof *v);

	for (size_t i = 0; i < len;) {
		int32_t cp;
		size_t step = text_decode(s + i, len - i, &cp);
		v[k++] = i;
		i += step ? step : 1;
	}
	v[k] = len;
	*n = k;
	return v;
}

/* Whether the bytes [a, b) of s hold the words, folded. */
static bool span_holds(const char *s, size_t a, size_t b, const char *words)
{
	char *part = xstrndup(s + a, b - a);
	bool hit = text_fold_contains(part, words);

	free(part);
	return hit;
}

char *store_text_snippet(const char *text, const char *words, int before)
{
	size_t n, *at = char_offsets(text, &n), lo, hi, end, start;
	strbuf b;

	start = 0;
	if (n && span_holds(text, 0, at[n], words)) {
		/* The first character where a prefix holds the match ends it... */
		lo = 1;
		hi = n;
		while (lo < hi) {
			size_t mid = (lo + hi) / 2;
			if (span_holds(text, 0, at[mid], words))
				hi = mid;
			else
				lo = mid + 1;
		}
		end = lo;
		/* ...and the last start from which it still holds begins it. */
		lo = 0;
		hi = end - 1;
		while (lo < hi) {
			size_t mid = (lo + hi + 1) / 2;
			if (span_holds(text, at[mid], at[end], words))
				lo = mid;
			else
				hi = mid - 1;
		}
		start = lo > (size_t)before ? lo - (size_t)before : 0;
	}
	sb_init(&b);
	if (start)
		sb_adds(&b, "…");
	for (const char *p = text + at[start]; *p; p++)
		sb_addc(&b, *p == '\n' || *p == '\r' || *p == '\t' ? ' ' : *p);
	free(at);
	return sb_steal(&b);
}
