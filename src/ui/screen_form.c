/*
 * screen_form.c - one screen for every form: the client's (from
 * CLIENT_FIELDS) and each described record's (from its record_type), so
 * a new record type gets a form without new code.  Typed text is never
 * lost: it is kept as a draft when the form is left unsaved, at each
 * move between fields, and when the session ends; a save that meets a
 * version another session wrote is refused, shown, and the text stays.
 */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tsunagi/db.h"
#include "tsunagi/i18n.h"
#include "tsunagi/records.h"
#include "tsunagi/store.h"
#include "tsunagi/store_client.h"
#include "tsunagi/store_draft.h"
#include "tsunagi/text.h"
#include "tsunagi/ui_app.h"
#include "tsunagi/xalloc.h"

typedef struct form_state {
	ui_form form;
	const char *form_name;  /* "client" or the record's table */
	const record_type *rt;  /* NULL for the client form */
	int64_t client_id;      /* the client (or, for a record, its parent) */
	int64_t parent_id;      /* a child record's parent (meeting, plan ...); else 0 */
	int64_t record_id;      /* 0: a new one */
	int64_t version;        /* the version the edit began from */
	char *title;
	char *client_name;
	char **orig;            /* each field as loaded from the record, or NULL */
	int64_t replaces;       /* another session's draft this form went on from */
	char *fallback;         /* the draft file written when the database
				 * would not take the draft, or NULL */
	bool conflict;          /* the last save met another session's change */
	bool draft_dirty;       /* typed since the draft was last kept */
	bool done;
	bool view_only;         /* a record to read, not to change (a consented plan's) */
} form_state;

/* A record type by table name that has a form of the given kind here
 * (REC_RECORD_KINDS' form column). */
static const record_type *type_with_form(const char *table, rec_form form)
{
	for (const record_type *const *t = rec_all_types; *t; t++)
		if ((*t)->form == form && strcmp((*t)->table, table) == 0)
			return *t;
	return NULL;
}

static const record_type *child_type(const char *table)
{
	return type_with_form(table, REC_FORM_CHILD);
}

/* The draft's record id: a new child is keyed by its parent, negated, so
 * new rows under two meetings of one client keep two drafts. */
static int64_t draft_record_id(const form_state *fs)
{
	return fs->parent_id && !fs->record_id ? -fs->parent_id : fs->record_id;
}

const record_type *ui_form_record_type(const char *table)
{
	return type_with_form(table, REC_FORM_OWN);
}

/* ---- building the fields ---- */

/* The fields of rt a form shows: not the hidden links, nor the fields of
 * the note style not chosen (hide: FF_STYLE_*) unless rec already has
 * text in them, so nothing written is ever out of sight. */
/* The FF_STYLE_* fields of the note style the worker did not choose. */
static unsigned note_hidden_fields(const config *c)
{
	switch (c->note_style) {
	case NOTE_STYLE_SOAP: return FF_STYLE_FACT;
	case NOTE_STYLE_BOTH: return 0;
	case NOTE_STYLE_FACT: break;
	}
	return FF_STYLE_SOAP;
}

static void record_form_fields(ui_form *f, const record_type *rt, unsigned hide, const void *rec)
{
	for (size_t i = 0; i < rt->nfields; i++) {
		const field *fl = &rt->fields[i];
		ui_field_kind kind = UI_F_TEXT;
		size_t max = fl->max;
		ui_field *fd;

		if (fl->flags & (FF_HIDDEN | FF_PARENT))
			continue;
		if ((fl->flags & hide) && fl->type == FT_TEXT && !(*field_text(fl, (void *)rec))[0])
			continue;
		switch (fl->type) {
		case FT_TEXT: kind = fl->flags & FF_MULTILINE ? UI_F_LONG : UI_F_TEXT; break;
		case FT_DATE: kind = UI_F_DATE; max = 40; break;
		case FT_BOOL: kind = UI_F_CHECK; break;
		case FT_CHOICE: kind = UI_F_CHOICE; break;
		default: kind = UI_F_TEXT; max = 20; break;
		}
		fd = ui_form_add(f, fl->col, _(fl->label), kind, max);
		fd->required = (fl->flags & FF_REQUIRED) != 0;
		if (kind == UI_F_CHOICE)
			ui_field_enum_choices(fd, fl->choices);
	}
}

/* ---- values in and out ---- */

static void free_orig(form_state *fs)
{
	if (fs->orig)
		for (size_t i = 0; i < fs->form.n; i++)
			free(fs->orig[i]);
	x_free(&fs->orig);
}

/* Remember the fields as loaded, so a save over another session's change
 * applies only what the user typed and keeps the other session's values
 * in the fields left alone. */
static void remember_orig(form_state *fs)
{
	free_orig(fs);
	fs->orig = xcalloc(fs->form.n ? fs->form.n : 1, sizeof *fs->orig);
	for (size_t i = 0; i < fs->form.n; i++)
		fs->orig[i] = ui_field_get(&fs->form.fields[i]);
}

static void load_client(form_state *fs, const client *c)
{
	for (size_t i = 0; i < fs->form.n; i++) {
		char *v = client_get(c, fs->form.fields[i].name);
		ui_field_set(&fs->form.fields[i], v);
		free(v);
	}
	remember_orig(fs);
}

static void load_record(form_state *fs, const void *rec)
{
	for (size_t i = 0; i < fs->form.n; i++) {
		const field *fl = record_field(fs->rt, fs->form.fields[i].name);
		char *v = record_get(fl, rec);
		ui_field_set(&fs->form.fields[i], v);
		free(v);
	}
	remember_orig(fs);
}

static void load_draft(form_state *fs, const draft *d)
{
	for (size_t i = 0; i < fs->form.n; i++) {
		const char *v = draft_value(d, fs->form.fields[i].name);
		if (v)
			ui_field_set(&fs->form.fields[i], v);
	}
	fs->version = d->base_version;
	fs->form.changed = true;
}

/* Delete this session's draft of the form and the one it went on from. */
static int delete_draft(ui_app *app, form_state *fs, tsu_err *e)
{
	return store_draft_end(app->db, app->session, fs->form_name, fs->client_id,
			       draft_record_id(fs), fs->replaces, e);
}

/* The form was saved or its draft is in the database again: a draft
 * file written meanwhile is not needed any more. */
static void drop_fallback(form_state *fs)
{
	if (fs->fallback) {
		unlink(fs->fallback);
		x_free(&fs->fallback);
	}
}

/* The database would not take the draft: write it to a file beside it
 * (replacing this form's earlier one).  Whether that worked. */
static bool keep_in_file(ui_app *app, form_state *fs, const draft *d, tsu_err *e)
{
	char *path;

	if (store_draft_write_file(app->db, d, &path, e) != TSU_OK)
		return false;
	drop_fallback(fs);
	fs->fallback = path;
	return true;
}

/* Keep the form's text as this session's draft: in the database, or
 * when that fails (a full disk) in a draft file.  When neither works,
 * or the client was deleted meanwhile, the message says why. */
static ui_draft_kept keep_draft(ui_app *app, form_state *fs)
{
	ui_draft_kept kept = UI_DRAFT_LOST;
	draft d;
	tsu_err e, fe;
	int rc;

	draft_init(&d);
	free(d.session);
	d.session = xstrdup(app->session);
	d.replaces = fs->replaces;
	free(d.form);
	d.form = xstrdup(fs->form_name);
	d.client_id = fs->client_id;
	d.record_id = draft_record_id(fs);
	d.base_version = fs->version;
	free(d.title);
	if (fs->rt) {
		d.title = xasprintf("%s: %s", _(fs->rt->label), fs->client_name);
	} else {
		ui_field *name = ui_form_find(&fs->form, "name");
		char *n = ui_edit_get(&name->ed);
		d.title = xasprintf("%s: %s", _("client"), n);
		free(n);
	}
	for (size_t i = 0; i < fs->form.n; i++) {
		char *v = ui_field_get(&fs->form.fields[i]);
		draft_put(&d, fs->form.fields[i].name, v);
		free(v);
	}
	rc = store_draft_save(app->db, &d, &e);
	if (rc == TSU_OK) {
		fs->replaces = 0;
		drop_fallback(fs);
		kept = UI_DRAFT_IN_DB;
	} else if (rc != TSU_ENOTFOUND && keep_in_file(app, fs, &d, &fe)) {
		ui_error(app, _("the database would not take the draft (%s); it was kept in %s"), e.msg, fs->fallback);
		kept = UI_DRAFT_IN_FILE;
	} else {
		ui_error(app, _("the draft could not be kept: %s"), rc == TSU_ENOTFOUND ? e.msg : fe.msg);
		snprintf(app->draft_lost_why, sizeof app->draft_lost_why, "%s", e.msg);
	}
	if (kept != UI_DRAFT_LOST)
		fs->draft_dirty = false;
	app->drafts[kept]++;
	draft_free(&d);
	return kept;
}

/* Put each field into the record; on a bad value, show why and go to
 * the field.  Returns TSU_OK when every field took. */
static int apply_fields(ui_app *app, form_state *fs, void *rec, client *c)
{
	tsu_err e;

	for (size_t i = 0; i < fs->form.n; i++) {
		ui_field *fd = &fs->form.fields[i];
		char *v = ui_field_get(fd);
		if (fs->conflict && fs->orig && strcmp(v, fs->orig[i]) == 0) {
			free(v);
			continue;
		}
		int rc = fs->rt ? record_set(fs->rt, rec, record_field(fs->rt, fd->name), v, &e)
				: client_set(c, fd->name, v, &e);
		free(v);
		if (rc != TSU_OK) {
			fs->form.cur = i;
			ui_error(app, "%s", e.msg);
			return rc;
		}
	}
	return TSU_OK;
}

static int save_client(ui_app *app, form_state *fs, tsu_err *e)
{
	client c;
	int rc;

	if (fs->record_id) {
		if ((rc = store_client_get(app->db, fs->record_id, &c, e)) != TSU_OK) {
			client_free(&c);
			return rc;
		}
		if (!fs->conflict)
			c.version = fs->version;
	} else {
		client_init(&c);
	}
	if ((rc = apply_fields(app, fs, NULL, &c)) != TSU_OK) {
		client_free(&c);
		return rc;
	}
	rc = fs->record_id ? store_client_update(app->db, &c, e) : store_client_add(app->db, &c, e);
	if (rc == TSU_OK) {
		fs->record_id = c.id;
		fs->version = c.version;
	}
	client_free(&c);
	return rc;
}

static const field *parent_field(const record_type *rt)
{
	for (size_t i = 0; i < rt->nfields; i++)
		if (rt->fields[i].flags & FF_PARENT)
			return &rt->fields[i];
	return NULL;
}

static int save_record(ui_app *app, form_state *fs, tsu_err *e)
{
	void *rec = xcalloc(1, fs->rt->size);
	int rc;

	if (fs->record_id) {
		if ((rc = store_record_get(app->db, fs->rt, fs->record_id, rec, e)) != TSU_OK) {
			record_free(fs->rt, rec);
			free(rec);
			return rc;
		}
		if (!fs->conflict)
			REC_VERSION(rec) = fs->version;
	} else {
		const field *pf = parent_field(fs->rt);
		record_init(fs->rt, rec);
		/* A record no one owns (a provider) has no parent to set. */
		if (pf)
			*field_id(pf, rec) = fs->parent_id ? fs->parent_id : fs->client_id;
	}
	if ((rc = apply_fields(app, fs, rec, NULL)) == TSU_OK) {
		rc = fs->record_id ? store_record_update(app->db, fs->rt, rec, e)
				   : store_record_add(app->db, fs->rt, rec, e);
		if (rc == TSU_OK) {
			fs->record_id = REC_ID(rec);
			fs->version = REC_VERSION(rec);
		}
	}
	record_free(fs->rt, rec);
	free(rec);
	return rc;
}

static void save(ui_app *app, ui_screen *s)
{
	form_state *fs = s->st;
	int64_t old_record = fs->record_id;
	int64_t old_version = fs->version;
	bool new_client = !fs->rt && !fs->record_id;
	tsu_err e;
	int rc;

	err_clear(&e);
	/* The record and the end of its draft are one transaction: after a
	 * crash there is either the draft or the saved record, never both
	 * (a draft of a new client left behind would save it twice). */
	if ((rc = db_begin(app->db, &e)) == TSU_OK) {
		rc = fs->rt ? save_record(app, fs, &e) : save_client(app, fs, &e);
		if (rc == TSU_OK) {
			/* The draft is keyed by the record as it was before. */
			int64_t saved = fs->record_id;
			fs->record_id = old_record;
			rc = delete_draft(app, fs, &e);
			fs->record_id = saved;
		}
		if (rc == TSU_OK) {
			rc = db_commit(app->db, &e);
		} else {
			db_rollback(app->db);
		}
		if (rc != TSU_OK) {
			fs->record_id = old_record;
			fs->version = old_version;
		}
	}
	s->dirty |= UI_D_BODY;
	if (rc == TSU_ECONFLICT) {
		fs->conflict = true;
		keep_draft(app, fs);
		ui_error(app, _("%s Press F2 again to save your text over it, or Esc to leave (the draft is kept)."), e.msg);
		return;
	}
	if (rc != TSU_OK) {
		if (e.msg[0])
			ui_error(app, "%s", e.msg);
		return;
	}
	fs->done = true;
	fs->form.changed = false;
	fs->replaces = 0;
	drop_fallback(fs);
	ui_message(app, "%s", _("Saved."));
	app->saved_rt = fs->rt;
	app->saved_id = fs->rt ? fs->record_id : 0;
	if (new_client) {
		int64_t id = fs->record_id;
		ui_clients_focus(app, id);
		ui_pop(app);
		ui_push(app, ui_card_screen(app, id, UI_TAB_BASICS, 0));
	} else {
		ui_pop(app);
	}
}

static void leave(ui_app *app, ui_screen *s)
{
	form_state *fs = s->st;

	/* Claim the draft only when it was written (a full disk, or a
	 * client deleted meanwhile, leaves the error on the status line). */
	if (fs->form.changed && keep_draft(app, fs) == UI_DRAFT_IN_DB)
		ui_message(app, "%s", _("Not saved; your text is kept as a draft and comes back when you open this form again."));
	fs->done = true;
	ui_pop(app);
}

/* ---- ops ---- */

static void contexts(ui_screen *s, const ui_context **ctx, size_t *n)
{
	form_state *fs = s->st;
	ui_form_contexts(&fs->form, ctx, n);
}

static const ui_hint *hints(ui_screen *s)
{
	static const ui_hint h[] = {
		{ UA_SAVE, N_("save") }, { UA_CANCEL, N_("leave (draft kept)") },
		{ UA_FIELD_NEXT, N_("next field") }, { UA_EXT_EDITOR, N_("editor") },
		{ UA_FORM_HELP, N_("keys") }, { UA_NONE, NULL },
	};
	static const ui_hint view[] = {
		{ UA_CANCEL, N_("leave") }, { UA_FIELD_NEXT, N_("next field") },
		{ UA_FORM_HELP, N_("keys") }, { UA_NONE, NULL },
	};
	static const ui_hint note_h[] = {
		{ UA_SAVE, N_("save") }, { UA_CANCEL, N_("leave (draft kept)") },
		{ UA_PHRASE, N_("phrases") }, { UA_FIELD_NEXT, N_("next field") },
		{ UA_EXT_EDITOR, N_("editor") }, { UA_FORM_HELP, N_("keys") }, { UA_NONE, NULL },
	};
	const form_state *fs = s->st;
	return fs->view_only ? view : fs->rt == &rt_note ? note_h : h;
}

static void draw(ui_app *app, ui_screen *s)
{
	form_state *fs = s->st;
	ui_field *cur = fs->form.n ? &fs->form.fields[fs->form.cur] : NULL;
	const char *foot = "";

	wattron(stdscr, A_BOLD);
	ui_put(stdscr, app->body_y, 0, app->cols, fs->title, true);
	wattroff(stdscr, A_BOLD);
	if (cur && cur->kind == UI_F_LONG)
		foot = _("Long text: Enter starts a new line; F4 or C-o opens it in $EDITOR.");
	else if (cur && cur->kind == UI_F_DATE)
		foot = _("A date: 2025-04-01, 2025/4/1, R7.4.1 or 令和7年4月1日.");
	else if (cur && cur->kind == UI_F_CHOICE)
		foot = _("A choice: Space or Left/Right changes it.");
	else if (cur && cur->kind == UI_F_CHECK)
		foot = _("Yes or no: Space changes it.");
	ui_put_raw(stdscr, app->body_y + app->body_h - 1, 0, app->cols, foot, true);
	ui_form_draw(&fs->form, stdscr, app->body_y + 1, 0, app->body_h - 2, app->cols);
}

/* A view-only form moves between fields and leaves; nothing else. */
static bool key_view_only(ui_app *app, ui_screen *s, ui_action a, ui_key k)
{
	form_state *fs = s->st;

	switch (a) {
	case UA_CANCEL:
		fs->done = true;
		ui_pop(app);
		return true;
	case UA_FORM_HELP:
		return false;
	case UA_FIELD_NEXT:
	case UA_FIELD_PREV:
	case UA_UP:
	case UA_DOWN:
		ui_form_key(&fs->form, a, k);
		fs->form.changed = false;
		s->dirty |= UI_D_BODY;
		return true;
	default:
		ui_message(app, "%s", _("Read-only: the client consented to this plan. Esc leaves; R on the plan starts a new version."));
		return true;
	}
}

/* The picked phrase goes in at the cursor of the field it was asked
 * from (a one-line field takes its line breaks as spaces). */
static void insert_phrase(ui_app *app, void *arg, const char *text)
{
	ui_screen *s = arg;
	form_state *fs = s->st;
	ui_field *fd = &fs->form.fields[fs->form.cur];
	char *t = xstrdup(text);

	if (fd->kind != UI_F_LONG)
		for (char *p = t; *p; p++)
			if (*p == '\n')
				*p = ' ';
	if (ui_edit_insert_text(&fd->ed, t))
		fs->form.changed = fs->draft_dirty = true;
	else
		ui_error(app, "%s", _("The phrase does not fit in the field."));
	free(t);
	s->dirty |= UI_D_BODY;
}

/* F3 or C-t in a note's text field: its kind's fixed phrases. */
static void ask_phrase(ui_app *app, ui_screen *s)
{
	form_state *fs = s->st;
	ui_field *fd = &fs->form.fields[fs->form.cur];
	ui_field *kind = ui_form_find(&fs->form, "kind");
	char *k;

	if (fs->rt != &rt_note) {
		ui_message(app, "%s", _("Fixed phrases are for progress notes."));
		return;
	}
	if (fd->kind != UI_F_LONG && fd->kind != UI_F_TEXT) {
		ui_message(app, "%s", _("Move to a text field first: the phrase goes in at the cursor."));
		return;
	}
	k = kind ? ui_field_get(kind) : xstrdup("");
	ui_push(app, ui_phrases_screen(app, k, insert_phrase, s));
	free(k);
}

static bool key(ui_app *app, ui_screen *s, ui_action a, ui_key k)
{
	form_state *fs = s->st;
	size_t before = fs->form.cur;

	if (fs->view_only)
		return key_view_only(app, s, a, k);
	switch (a) {
	case UA_SAVE:
		save(app, s);
		return true;
	case UA_CANCEL:
		leave(app, s);
		return true;
	case UA_FORM_HELP:
		return false;
	case UA_PHRASE:
		ask_phrase(app, s);
		return true;
	case UA_EXT_EDITOR: {
		ui_field *fd = &fs->form.fields[fs->form.cur];
		char *t, *out;
		if (fd->kind != UI_F_LONG && fd->kind != UI_F_TEXT) {
			ui_message(app, "%s", _("Only text fields open in the editor."));
			return true;
		}
		t = ui_edit_get(&fd->ed);
		out = ui_run_editor(app, t);
		if (out && strcmp(out, t) != 0) {
			ui_edit_set(&fd->ed, out);
			fs->form.changed = fs->draft_dirty = true;
		}
		free(out);
		free(t);
		s->dirty |= UI_D_BODY;
		return true;
	}
	default:
		break;
	}
	if (ui_form_key(&fs->form, a, k)) {
		if (fs->form.changed)
			fs->draft_dirty = true;
		/* Leaving a field keeps the text safe even from a crash. */
		if (fs->form.cur != before && fs->draft_dirty)
			keep_draft(app, fs);
		s->dirty |= UI_D_BODY;
	}
	return true;     /* a form keeps every key */
}

static void save_draft(ui_app *app, ui_screen *s)
{
	form_state *fs = s->st;
	if (!fs->done && fs->form.changed && !fs->view_only)
		keep_draft(app, fs);
}

static bool cursor(ui_screen *s)
{
	return true;
}

static void close_form(ui_app *app, ui_screen *s)
{
	form_state *fs = s->st;
	free_orig(fs);
	ui_form_free(&fs->form);
	free(fs->title);
	free(fs->client_name);
	free(fs->fallback);
	free(fs);
}

static const ui_screen_ops form_ops = {
	.name = N_("Form"),
	.contexts = contexts,
	.hints = hints,
	.draw = draw,
	.key = key,
	.save_draft = save_draft,
	.close = close_form,
	.cursor = cursor,
};

/* ---- constructors ---- */

/*
 * Bring back draft_id (chosen in the list of drafts), or else this
 * session's draft of the form, or else, for a record that exists, the
 * newest draft an earlier session kept of it (before this one started:
 * not the work of a session still typing).  Another session's draft is
 * taken over: this form's draft replaces it.  A new record's form never
 * takes another session's draft (that is another new record); the
 * message says such drafts are in the list of drafts.
 */
static void restore_draft(ui_app *app, form_state *fs, int64_t draft_id)
{
	int64_t rid = draft_record_id(fs), more;
	draft d;
	tsu_err e;
	int rc = draft_id ? store_draft_get(app->db, draft_id, &d, &e)
			  : store_draft_find(app->db, app->session, rid > 0 ? app->started : NULL,
					     fs->form_name, fs->client_id, rid, &d, &e);

	more = store_draft_count_for(app->db, fs->form_name, fs->client_id, rid) - (rc == TSU_OK);
	if (rc == TSU_OK) {
		load_draft(fs, &d);
		if (strcmp(d.session, app->session) != 0)
			fs->replaces = d.id;
		if (more > 0)
			ui_message(app, ngettext("Your unsaved draft of %s UTC is back (%lld more of this form is in the list of drafts). F2 saves it; Esc keeps it for later.",
						 "Your unsaved draft of %s UTC is back (%lld more of this form are in the list of drafts). F2 saves it; Esc keeps it for later.",
						 (unsigned long)more), d.saved_at, (long long)more);
		else
			ui_message(app, _("Your unsaved draft of %s UTC is back. F2 saves it; Esc keeps it for later."), d.saved_at);
	} else if (more > 0) {
		ui_message(app, ngettext("%lld unsaved draft of this form from another session is in the list of drafts shown at start.",
					 "%lld unsaved drafts of this form from other sessions are in the list of drafts shown at start.",
					 (unsigned long)more), (long long)more);
	}
	draft_free(&d);
}

static char *client_name(ui_app *app, int64_t id)
{
	client c;
	tsu_err e;
	char *n;

	if (store_client_get(app->db, id, &c, &e) != TSU_OK) {
		client_free(&c);
		return xstrdup("?");
	}
	n = xstrdup(c.name);
	client_free(&c);
	return n;
}

static ui_screen client_form(ui_app *app, int64_t client_id, int64_t draft_id)
{
	form_state *fs = xcalloc(1, sizeof *fs);
	ui_screen s = { &form_ops, fs, UI_D_BODY };
	client c;
	tsu_err e;

	ui_form_init(&fs->form);
	fs->form_name = "client";
	fs->client_id = client_id;
	fs->record_id = client_id;
	ui_client_form_fields(&fs->form);
	if (client_id) {
		if (store_client_get(app->db, client_id, &c, &e) != TSU_OK) {
			client_free(&c);
			ui_error(app, "%s", e.msg);
			close_form(app, &s);
			return (ui_screen){ NULL, NULL, 0 };
		}
		fs->version = c.version;
		fs->client_name = xstrdup(c.name);
		fs->title = xasprintf(_("Client: %s"), c.name);
		load_client(fs, &c);
		client_free(&c);
	} else {
		client_init(&c);
		load_client(fs, &c);
		client_free(&c);
		fs->client_name = xstrdup("");
		fs->title = xstrdup(_("New client"));
	}
	restore_draft(app, fs, draft_id);
	return s;
}

ui_screen ui_client_form(ui_app *app, int64_t client_id)
{
	return client_form(app, client_id, 0);
}

static ui_screen record_form(ui_app *app, const record_type *rt, int64_t client_id,
			     int64_t parent_id, int64_t record_id, const void *init, int64_t draft_id)
{
	form_state *fs = xcalloc(1, sizeof *fs);
	ui_screen s = { &form_ops, fs, UI_D_BODY };
	void *rec = xcalloc(1, rt->size);
	tsu_err e;

	ui_form_init(&fs->form);
	fs->form_name = rt->table;
	fs->rt = rt;
	fs->client_id = client_id;
	fs->parent_id = parent_id;
	fs->record_id = record_id;
	/* The provider register is the office's, not a client's. */
	fs->client_name = parent_field(rt) ? client_name(app, client_id) : xstrdup(_("the office's register"));
	if (record_id) {
		if (store_record_get(app->db, rt, record_id, rec, &e) != TSU_OK) {
			record_free(rt, rec);
			free(rec);
			ui_error(app, "%s", e.msg);
			close_form(app, &s);
			return (ui_screen){ NULL, NULL, 0 };
		}
		fs->version = REC_VERSION(rec);
		fs->title = xasprintf("%s: %s", _(rt->label), fs->client_name);
	} else {
		if (init) {
			record_copy(rt, rec, init);
		} else {
			store_record_new(app->db, rt, client_id, app->today, rec);
		}
		fs->title = xasprintf(_("New %s: %s"), _(rt->label), fs->client_name);
	}
	record_form_fields(&fs->form, rt, note_hidden_fields(&app->cfg), rec);
	load_record(fs, rec);
	record_free(rt, rec);
	free(rec);
	restore_draft(app, fs, draft_id);
	return s;
}

ui_screen ui_record_form(ui_app *app, const record_type *rt, int64_t client_id, int64_t record_id)
{
	return record_form(app, rt, client_id, 0, record_id, NULL, 0);
}

int64_t ui_take_saved(ui_app *app, const record_type *rt)
{
	int64_t id = app->saved_rt == rt ? app->saved_id : 0;

	app->saved_rt = NULL;
	app->saved_id = 0;
	return id;
}

void ui_form_title_add(ui_screen *form, const char *about)
{
	form_state *fs = form->st;
	char *t = xasprintf("%s - %s", fs->title, about);

	free(fs->title);
	fs->title = t;
}

ui_screen ui_quick_note(ui_app *app, int64_t client_id)
{
	char hhmm[TIME_LEN];
	note n;
	ui_screen s;

	store_record_new(app->db, &rt_note, client_id, app->today, &n);
	n.client_id = client_id;
	time_format(time_now(), hhmm);
	free(n.noted_at);
	n.noted_at = xstrdup(hhmm);
	free(n.kind);
	n.kind = xstrdup("phone");
	s = record_form(app, &rt_note, client_id, 0, 0, &n, 0);
	record_free(&rt_note, &n);
	/* On the text: the fact, or S when the worker writes SOAP. */
	if (s.ops)
		ui_form_focus(&((form_state *)s.st)->form,
			      app->cfg.note_style == NOTE_STYLE_SOAP ? "subjective" : "fact");
	return s;
}

ui_screen ui_record_form_from(ui_app *app, const record_type *rt, int64_t client_id, const void *init)
{
	return record_form(app, rt, client_id, 0, 0, init, 0);
}

ui_screen ui_child_form(ui_app *app, const record_type *rt, int64_t client_id,
			int64_t parent_id, int64_t record_id, const void *init)
{
	return record_form(app, rt, client_id, parent_id, record_id, init, 0);
}

ui_screen ui_view_form(ui_app *app, const record_type *rt, int64_t client_id,
		       int64_t parent_id, int64_t record_id)
{
	ui_screen s = record_form(app, rt, client_id, parent_id, record_id, NULL, 0);
	form_state *fs = s.st;

	if (!fs)
		return s;
	/* Whatever a draft restored is not shown here: the record as it is. */
	fs->view_only = true;
	free(fs->title);
	fs->title = xasprintf(_("%s: %s (read-only)"), _(rt->label), fs->client_name);
	{
		void *rec = xcalloc(1, rt->size);
		tsu_err e;
		if (store_record_get(app->db, rt, record_id, rec, &e) == TSU_OK)
			load_record(fs, rec);
		record_free(rt, rec);
		free(rec);
	}
	fs->form.changed = false;
	return s;
}

/* A draft of a child record: its parent from the key (a new one) or from
 * the record as stored. */
static ui_screen child_draft_form(ui_app *app, const record_type *rt, const draft *d)
{
	int64_t parent = 0;

	if (d->record_id < 0) {
		parent = -d->record_id;
	} else {
		void *rec = xcalloc(1, rt->size);
		tsu_err e;
		if (store_record_get(app->db, rt, d->record_id, rec, &e) == TSU_OK)
			parent = *field_id(parent_field(rt), rec);
		else
			ui_error(app, "%s", e.msg);
		record_free(rt, rec);
		free(rec);
		if (!parent)
			return (ui_screen){ NULL, NULL, 0 };
	}
	return record_form(app, rt, d->client_id, parent, d->record_id > 0 ? d->record_id : 0, NULL, d->id);
}

ui_screen ui_draft_form(ui_app *app, const draft *d)
{
	const record_type *rt;

	if (strcmp(d->form, "client") == 0)
		return client_form(app, d->record_id, d->id);
	if ((rt = child_type(d->form)) != NULL)
		return child_draft_form(app, rt, d);
	rt = ui_form_record_type(d->form);
	if (!rt) {
		ui_error(app, _("this draft is for a form this version does not have (%s)"), d->form);
		return (ui_screen){ NULL, NULL, 0 };
	}
	return record_form(app, rt, d->client_id, 0, d->record_id, NULL, d->id);
}
