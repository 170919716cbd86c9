/*
 * screen_settings.c - the settings screen (S, from anywhere) and the
 * first start's question for the office and worker names.
 *
 * Both are the prompt form (screen_prompt.c) over the config file: what
 * is saved goes through config_save, which rewrites only the settings
 * changed here and keeps the user's other lines (bind.*, comments,
 * unknown ones).  After a save the running UI takes the file again:
 * the title line's names, the printouts' 相談支援事業者名 and worker,
 * the privacy timeout, the lead times (due_leads_set) and the billing
 * worksheet's fee category and workers follow at once.
 *
 * "Asked once": the first start asks when the file names neither an
 * office nor a worker (config.names_set).  Saving the answer, or Esc,
 * writes both lines (empty when skipped), so the question does not come
 * again for that config file; the settings screen changes them later.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tsunagi/billing.h"
#include "tsunagi/i18n.h"
#include "tsunagi/store.h"
#include "tsunagi/text.h"
#include "tsunagi/ui_app.h"
#include "tsunagi/xalloc.h"

/* The label of each lead time, by enum due_lead (due.h). */
static const char *const lead_labels[DUE_LEAD_COUNT] = {
	N_("Lead: certificate"), N_("Lead: support level"), N_("Lead: plan period end"),
	N_("Lead: plan row review"), N_("Lead: consent"), N_("Lead: action item"),
	N_("Lead: turning 18"), N_("Lead: billing"), N_("Lead: paperwork mismatch"),
	N_("Lead: a note's next step"),
};

/* The fields: office, worker, printer, idle minutes, the leads, the
 * billing worksheet's fee category and number of workers (billing.h),
 * then the record-delay days (stats.h). */
enum { F_PRINTER = 2, F_IDLE = 3, F_LEAD0 = 4, F_CATEGORY = F_LEAD0 + DUE_LEAD_COUNT, F_WORKERS,
       F_DELAY, N_FIELDS };

/* "lead.NAME" of each lead time: the form keeps its fields' names as
 * given, so they must outlive it. */
static const char *lead_key(int k)
{
	static char keys[DUE_LEAD_COUNT][32];

	if (!keys[k][0])
		snprintf(keys[k], sizeof keys[k], "lead.%s", due_lead_name((enum due_lead)k));
	return keys[k];
}

/* The config file's path as shown: $HOME's part as "~". */
static char *shown_path(const char *path)
{
	const char *home = getenv("HOME");
	size_t n = home ? strlen(home) : 0;

	if (n > 1 && strncmp(path, home, n) == 0 && path[n] == '/')
		return xasprintf("~%s", path + n);
	return xstrdup(path);
}

/* Take the file again into the running UI. */
static void apply_file(ui_app *app)
{
	config c;
	tsu_err e;

	config_defaults(&c);
	if (config_load(&c, &e) != TSU_OK) {
		config_free(&c);
		ui_error(app, "%s", e.msg);
		return;
	}
	config_free(&app->cfg);
	app->cfg = c;
	due_leads_set(&app->cfg.leads);
	app->redraw_all = true;         /* the title line's names */
}

/* Write the changes; false (and a message) when nothing was written. */
static bool write_changes(ui_app *app, const config_change *ch, size_t n)
{
	char *path = config_path(), *shown;
	tsu_err e;

	if (!path) {
		ui_error(app, "%s", _("there is no home directory to keep the settings in; set HOME and start again"));
		return false;
	}
	if (config_save(path, ch, n, &e) != TSU_OK) {
		ui_error(app, "%s", e.msg);
		free(path);
		return false;
	}
	apply_file(app);
	shown = shown_path(path);
	ui_message(app, _("Saved in %s."), shown);
	free(shown);
	free(path);
	return true;
}

/* Each field's text, trimmed, into vals (caller frees each). */
static void answers(ui_form *f, const char *const *keys, size_t n, char **vals)
{
	for (size_t i = 0; i < n; i++) {
		char *raw = ui_field_get(ui_form_find(f, keys[i]));
		vals[i] = text_trim(raw);
		free(raw);
	}
}

static bool save_settings(ui_app *app, void *arg, ui_form *f)
{
	const char *keys[N_FIELDS];
	char *vals[N_FIELDS], now[16];
	config_change ch[N_FIELDS];
	size_t n = 0;
	bool ok;

	keys[0] = "office";
	keys[1] = "worker";
	keys[F_PRINTER] = "printer";
	keys[F_IDLE] = "idle_minutes";
	for (int k = 0; k < DUE_LEAD_COUNT; k++)
		keys[F_LEAD0 + k] = lead_key(k);
	keys[F_CATEGORY] = "billing.category";
	keys[F_WORKERS] = "billing.workers";
	keys[F_DELAY] = "record_delay_days";
	answers(f, keys, N_FIELDS, vals);
	/* The names always; the printer and a number only when changed, so
	 * a default not written in the file stays the program's default. */
	for (size_t i = 0; i < N_FIELDS; i++) {
		bool changed = i < F_PRINTER;

		if (i == F_PRINTER) {
			changed = strcmp(vals[i], app->cfg.printer) != 0;
		} else if (i >= F_IDLE) {
			if (i == F_IDLE)
				snprintf(now, sizeof now, "%d", app->cfg.idle_minutes);
			else if (i == F_CATEGORY)
				snprintf(now, sizeof now, "%s", bill_category_name(app->cfg.billing_category));
			else if (i == F_WORKERS)
				snprintf(now, sizeof now, "%d.%d", app->cfg.billing_workers / 10,
					 app->cfg.billing_workers % 10);
			else if (i == F_DELAY)
				snprintf(now, sizeof now, "%d", app->cfg.record_delay_days);
			else
				snprintf(now, sizeof now, "%d", app->cfg.leads.days[i - F_LEAD0]);
			changed = strcmp(vals[i], now) != 0;
		}
		if (changed)
			ch[n++] = (config_change){ keys[i], vals[i] };
	}
	ok = write_changes(app, ch, n);
	for (size_t i = 0; i < N_FIELDS; i++)
		free(vals[i]);
	return ok;
}

/* The prompt's screen under the settings' own name on the title line. */
static ui_screen named(ui_screen s, const char *name)
{
	static ui_screen_ops settings_ops;

	settings_ops = *s.ops;
	settings_ops.name = name;
	s.ops = &settings_ops;
	return s;
}

ui_screen ui_settings_screen(ui_app *app)
{
	ui_prompt_field fields[N_FIELDS];
	char nums[N_FIELDS][16], *path = config_path(), *shown, *foot;
	ui_screen s;

	fields[0] = (ui_prompt_field){ .name = "office", .label = _("Office (事業者名)"),
				       .kind = UI_F_TEXT, .max = STORE_NAME_MAX, .value = app->cfg.office };
	fields[1] = (ui_prompt_field){ .name = "worker", .label = _("Worker (専門員)"),
				       .kind = UI_F_TEXT, .max = STORE_NAME_MAX, .value = app->cfg.worker };
	/* The CUPS queue for P and --print; empty: CUPS's default. */
	fields[F_PRINTER] = (ui_prompt_field){ .name = "printer", .label = _("Printer (CUPS)"),
					       .kind = UI_F_TEXT, .max = 127, .value = app->cfg.printer };
	snprintf(nums[F_IDLE], sizeof nums[F_IDLE], "%d", app->cfg.idle_minutes);
	fields[F_IDLE] = (ui_prompt_field){ .name = "idle_minutes", .label = _("Idle minutes to hide"),
					    .kind = UI_F_TEXT, .max = 4, .value = nums[F_IDLE] };
	for (int k = 0; k < DUE_LEAD_COUNT; k++) {
		snprintf(nums[F_LEAD0 + k], sizeof nums[F_LEAD0 + k], "%d", app->cfg.leads.days[k]);
		fields[F_LEAD0 + k] = (ui_prompt_field){ .name = lead_key(k), .label = _(lead_labels[k]),
							 .kind = UI_F_TEXT, .max = 3, .value = nums[F_LEAD0 + k] };
	}
	snprintf(nums[F_CATEGORY], sizeof nums[F_CATEGORY], "%s", bill_category_name(app->cfg.billing_category));
	fields[F_CATEGORY] = (ui_prompt_field){ .name = "billing.category",
		.label = _("Fee category (none, 1-4)"), .kind = UI_F_TEXT, .max = 4, .value = nums[F_CATEGORY] };
	snprintf(nums[F_WORKERS], sizeof nums[F_WORKERS], "%d.%d", app->cfg.billing_workers / 10,
		 app->cfg.billing_workers % 10);
	fields[F_WORKERS] = (ui_prompt_field){ .name = "billing.workers",
		.label = _("Workers (常勤換算)"), .kind = UI_F_TEXT, .max = 4, .value = nums[F_WORKERS] };
	snprintf(nums[F_DELAY], sizeof nums[F_DELAY], "%d", app->cfg.record_delay_days);
	fields[F_DELAY] = (ui_prompt_field){ .name = "record_delay_days",
					     .label = _("Note late after (days)"),
					     .kind = UI_F_TEXT, .max = 3, .value = nums[F_DELAY] };
	shown = path ? shown_path(path) : xstrdup("-");
	foot = xasprintf(_("Saved in %s; the file's other lines are kept."), shown);
	s = ui_prompt_screen(app, _("Settings (lead times: days ahead, 0-730; idle minutes 0: never hide)"), foot,
			     fields, N_FIELDS, save_settings, NULL);
	free(foot);
	free(shown);
	free(path);
	return named(s, N_("Settings"));
}

/* ---- the first start ---- */

static bool save_names(ui_app *app, void *arg, ui_form *f)
{
	const char *keys[2] = { "office", "worker" };
	char *vals[2];
	config_change ch[2];
	bool ok;

	answers(f, keys, 2, vals);
	ch[0] = (config_change){ "office", vals[0] };
	ch[1] = (config_change){ "worker", vals[1] };
	ok = write_changes(app, ch, 2);
	free(vals[0]);
	free(vals[1]);
	return ok;
}

/* Esc: the names stay empty, and that is written so it is not asked
 * again. */
static void skip_names(ui_app *app, void *arg)
{
	const config_change ch[2] = { { "office", app->cfg.office }, { "worker", app->cfg.worker } };

	if (write_changes(app, ch, 2))
		ui_message(app, "%s", _("Skipped; set the names later on the settings screen (S)."));
}

void ui_first_start(ui_app *app)
{
	char *path = config_path();
	ui_prompt_field fields[2] = {
		{ .name = "office", .label = _("Office (事業者名)"), .kind = UI_F_TEXT, .max = STORE_NAME_MAX },
		{ .name = "worker", .label = _("Worker (専門員)"), .kind = UI_F_TEXT, .max = STORE_NAME_MAX },
	};
	ui_screen s;

	if (!path || app->cfg.names_set) {
		free(path);
		return;
	}
	free(path);
	s = ui_prompt_screen(app, _("First start: the office and your name, as the printouts show them"),
			     _("Enter saves; Esc skips (not asked again); S changes them later."),
			     fields, 2, save_names, NULL);
	ui_prompt_on_cancel(&s, skip_names);
	ui_push(app, named(s, N_("Settings")));
}
