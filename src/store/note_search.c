/*
 * note_search.c - the search across every client's progress notes, and
 * where the "before the meeting" sheet keeps its edited text (the agenda
 * of the client's next care-team meeting; see store_cycle.h).
 *
 * Notes have no folded search column, so the search folds as it reads,
 * newest first, and stops as soon as the page (plus one hit, to know
 * whether more follow) is full.
 */
#include <stdlib.h>
#include <string.h>

#include "tsunagi/i18n.h"
#include "tsunagi/store.h"
#include "tsunagi/store_cycle.h"
#include "tsunagi/store_plan.h"
#include "tsunagi/text.h"
#include "tsunagi/xalloc.h"

/* The searched fields, in the order they are tried (columns 6..12). */
static const char *const searched[] = {
	"subjective", "objective", "assessment", "plan", "fact", "interpretation", "next_step",
};
enum { NSEARCHED = sizeof searched / sizeof searched[0], FIRST_TEXT_COL = 6 };

static int first_match(db_stmt *s, const char *needle)
{
	for (int i = 0; i < NSEARCHED; i++) {
		const char *t = db_col_text(s, FIRST_TEXT_COL + i);
		char *f;
		bool hit;

		if (!t[0])
			continue;
		f = text_fold(t);
		hit = strstr(f, needle) != NULL;
		free(f);
		if (hit)
			return i;
	}
	return -1;
}

int store_note_search(db *d, const char *query, size_t limit, size_t offset,
		      note_hit **out, size_t *n, bool *more, tsu_err *e)
{
	db_stmt *s = db_prepare(d,
		"SELECT n.id, n.client_id, n.noted_on, n.noted_at, n.kind, c.name,"
		" n.subjective, n.objective, n.assessment, n.plan, n.fact, n.interpretation, n.next_step, c.kana"
		" FROM note n JOIN client c ON c.id = n.client_id"
		" ORDER BY n.noted_on DESC, n.noted_at DESC, n.id DESC");
	char *needle = text_fold(query ? query : "");
	note_hit *v = NULL;
	size_t len = 0, seen = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (more)
		*more = false;
	if (!needle[0]) {
		free(needle);
		return err_set(e, TSU_EINVAL, _("search: type a word to look for"));
	}
	if (limit)
		v = xcalloc(limit, sizeof *v);
	while ((rc = db_step(s)) == DB_ROW) {
		int which = first_match(s, needle);
		note_hit *h;

		if (which < 0)
			continue;
		if (seen++ < offset)
			continue;
		if (len == limit) {
			if (more)
				*more = true;
			break;
		}
		h = &v[len++];
		h->note_id = db_col_int64(s, 0);
		h->client_id = db_col_int64(s, 1);
		h->noted_on = db_col_date(s, 2);
		h->noted_at = db_col_strdup(s, 3);
		h->kind = db_col_strdup(s, 4);
		h->client_name = db_col_strdup(s, 5);
		h->client_kana = db_col_strdup(s, 13);
		h->field = searched[which];
		h->text = db_col_strdup(s, FIRST_TEXT_COL + which);
	}
	db_reset(s);
	free(needle);
	if (rc < 0) {
		note_hit_free_list(v, len);
		return db_error(d, e, _("searching the notes"));
	}
	if (!len) {
		free(v);
		v = NULL;
	}
	*out = v;
	*n = len;
	return TSU_OK;
}

void note_hit_free_list(note_hit *h, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(h[i].noted_at);
		free(h[i].kind);
		free(h[i].client_name);
		free(h[i].client_kana);
		free(h[i].text);
	}
	free(h);
}

/* ---- the prep sheet's text ---- */

static int64_t next_meeting(db *d, int64_t client_id, date_t today)
{
	db_stmt *s = db_prepare(d,
		"SELECT id FROM meeting WHERE client_id = :client AND held_on >= :today"
		" ORDER BY held_on, id LIMIT 1");
	char iso[DATE_ISO_LEN];

	date_format_iso(today, iso);
	db_bind_int64(s, ":client", client_id);
	db_bind_text(s, ":today", iso);
	return db_int64_or(s, 0);
}

int store_prep_get(db *d, int64_t client_id, date_t today, char **text,
		   int64_t *meeting_id, int64_t *version, tsu_err *e)
{
	int64_t id = next_meeting(d, client_id, today);
	meeting m;

	*text = NULL;
	*meeting_id = 0;
	*version = 0;
	if (!id) {
		*text = xstrdup("");
		return TSU_OK;
	}
	if (store_record_get(d, &rt_meeting, id, &m, e) != TSU_OK) {
		record_free(&rt_meeting, &m);
		return e ? e->code : TSU_EFAIL;
	}
	*text = m.agenda;
	m.agenda = NULL;
	*meeting_id = m.id;
	*version = m.version;
	record_free(&rt_meeting, &m);
	return TSU_OK;
}

int store_prep_save(db *d, int64_t client_id, int64_t meeting_id, int64_t version,
		    date_t held_on, const char *text, int64_t *saved_id, tsu_err *e)
{
	meeting m;
	plan p;
	int rc;

	if (meeting_id) {
		if ((rc = store_record_get(d, &rt_meeting, meeting_id, &m, e)) != TSU_OK) {
			record_free(&rt_meeting, &m);
			return rc;
		}
		if (m.client_id != client_id) {
			record_free(&rt_meeting, &m);
			return err_set(e, TSU_EINVAL, _("meeting %lld is another client's"), (long long)meeting_id);
		}
		if (m.version != version) {
			record_free(&rt_meeting, &m);
			return err_set(e, TSU_ECONFLICT, _("the meeting was changed in another session meanwhile; your text was kept, reload and save again"));
		}
		free(m.agenda);
		m.agenda = xstrdup(text ? text : "");
		rc = store_record_update(d, &rt_meeting, &m, e);
	} else {
		if (held_on == DATE_NONE)
			return err_set(e, TSU_EINVAL, _("the sheet is kept with the next meeting; give the meeting's date"));
		record_init(&rt_meeting, &m);
		m.client_id = client_id;
		m.held_on = held_on;
		if (store_plan_in_force(d, client_id, &p, NULL) == TSU_OK)
			m.plan_id = p.id;
		record_free(&rt_plan, &p);
		free(m.agenda);
		m.agenda = xstrdup(text ? text : "");
		rc = store_record_add(d, &rt_meeting, &m, e);
	}
	if (rc == TSU_OK && saved_id)
		*saved_id = m.id;
	record_free(&rt_meeting, &m);
	return rc;
}
