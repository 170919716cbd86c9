/*
 * screen_print.c - printing from a screen: the form (print.h builds it)
 * is written as an A4 PDF to ~/tsunagi-print/<form>-<client>-<id>.pdf
 * (a plan's as plan-draft-... or plan-final-...: print_file_name),
 * the directory 0700 and the file 0600 because it holds personal data,
 * and the status line says where it went (for lp or a viewer).  The
 * alarm list prints this week's due sheet the same way, as
 * ~/tsunagi-print/due-<Monday>.pdf, the billing screen its worksheet as
 * billing-<YYYY-MM>.pdf, caseload health its page as
 * ~/tsunagi-print/stats-YYYY-MM.pdf.  The progress record prints the
 * last UI_RECORD_MONTHS months; the case summary asks to whom, checks the
 * client's consents (asking again when none names the party) and records
 * the disclosure before the file is written.
 *
 * P sends the same PDF to the printer through CUPS (spool.h) instead:
 * the settings' printer, else CUPS's default; the job's title is the
 * file name's ids ("tsunagi plan-final-3-12", "tsunagi due 2026-11-23"),
 * never a name.  Nothing is written to disk on our side: the PDF goes
 * from memory into lp's standard input.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tsunagi/billing_report.h"
#include "tsunagi/due_report.h"
#include "tsunagi/i18n.h"
#include "tsunagi/print.h"
#include "tsunagi/spool.h"
#include "tsunagi/store_print.h"
#include "tsunagi/text.h"
#include "tsunagi/stats_report.h"
#include "tsunagi/ui_app.h"
#include "tsunagi/xalloc.h"

static int write_private(const char *path, const char *data, size_t len, tsu_err *e)
{
	char *tmp = xasprintf("%s.tmp", path);
	int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
	size_t off = 0;

	if (fd < 0) {
		err_set(e, TSU_EIO, _("%s: %s; check the folder's permissions"), tmp, strerror(errno));
		free(tmp);
		return TSU_EIO;
	}
	fchmod(fd, 0600);
	while (off < len) {
		ssize_t w = write(fd, data + off, len - off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			err_set(e, TSU_EIO, _("%s: %s; free some space and print again"), tmp, strerror(errno));
			close(fd);
			unlink(tmp);
			free(tmp);
			return TSU_EIO;
		}
		off += (size_t)w;
	}
	if (fsync(fd) != 0 || close(fd) != 0 || rename(tmp, path) != 0) {
		err_set(e, TSU_EIO, _("%s: %s; free some space and print again"), path, strerror(errno));
		unlink(tmp);
		free(tmp);
		return TSU_EIO;
	}
	free(tmp);
	return TSU_OK;
}

/* Make ~/tsunagi-print (0700) and write data to NAME there (0600);
 * the status line says where it went. */
static void save_print(ui_app *app, const char *name, const char *data, size_t len)
{
	const char *home = getenv("HOME");
	char *dir, *path;
	tsu_err e;

	if (!home || !*home) {
		ui_error(app, "%s", _("HOME is not set, so there is no ~/tsunagi-print/ to print into."));
		return;
	}
	dir = xasprintf("%s/tsunagi-print", home);
	if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
		ui_error(app, _("%s: %s; check the folder's permissions"), dir, strerror(errno));
	} else {
		path = xasprintf("%s/%s", dir, name);
		if (write_private(path, data, len, &e) != TSU_OK)
			ui_error(app, "%s", e.msg);
		else
			ui_message(app, _("Saved the PDF as %s"), path);
		free(path);
	}
	free(dir);
}

static void print_opts_of(ui_app *app, print_opts *o)
{
	*o = (print_opts){ .office = app->cfg.office,
			   .worker = app->cfg.worker[0] ? app->cfg.worker : db_login(app->db),
			   .today = app->today, .from = DATE_NONE, .to = DATE_NONE };
}

/* The form as a PDF (*pdf, caller frees) and its file name (*name,
 * caller frees: ids only, no names); false after saying why not. */
static bool form_pdf(ui_app *app, print_kind kind, int64_t client_id, int64_t record_id,
		     const print_opts *o, char **pdf, size_t *len, char **name)
{
	pform *f = NULL;
	tsu_err e;

	if (print_build(app->db, kind, client_id, record_id, o, &f, &e) != TSU_OK) {
		ui_error(app, "%s", e.msg);
		return false;
	}
	if (pform_render_pdf(f, pdf, len, &e) != TSU_OK) {
		pform_free(f);
		ui_error(app, "%s", e.msg);
		return false;
	}
	*name = print_file_name(f, kind, client_id, record_id);
	pform_free(f);
	return true;
}

/* Build form kind with o as a PDF and write it to ~/tsunagi-print/, or
 * (send) send it to the printer titled by its file name's ids; true
 * when it went. */
static bool print_form(ui_app *app, print_kind kind, int64_t client_id, int64_t record_id,
		       const print_opts *o, const char *party, int64_t consent_id, bool send)
{
	const char *home = getenv("HOME");
	char *pdf = NULL, *name = NULL;
	size_t len = 0;
	int64_t id;
	tsu_err e;

	if (!send && (!home || !*home)) {
		ui_error(app, "%s", _("HOME is not set, so there is no ~/tsunagi-print/ to print into."));
		return false;
	}
	if (!form_pdf(app, kind, client_id, record_id, o, &pdf, &len, &name))
		return false;
	/* A summary: recorded as a disclosure before the file is written. */
	if (party && store_disclosure_add(app->db, client_id, party, STORE_DISCLOSURE_SUMMARY, app->today,
					  consent_id, &id, &e) != TSU_OK) {
		free(name);
		free(pdf);
		ui_error(app, "%s", e.msg);
		return false;
	}
	if (send) {
		size_t n = strlen(name);
		char *title;

		if (n > 4 && strcmp(name + n - 4, ".pdf") == 0)
			name[n - 4] = '\0';
		title = xasprintf("tsunagi %s", name);
		ui_send_pdf(app, title, pdf, len);
		free(title);
	} else {
		save_print(app, name, pdf, len);
	}
	free(name);
	free(pdf);
	return true;
}

void ui_print(ui_app *app, const char *what, int64_t client_id, int64_t record_id)
{
	int kind = print_kind_from_name(what);
	print_opts o;

	if (kind < 0) {
		ui_error(app, "%s", _("This screen has nothing to print."));
		return;
	}
	print_opts_of(app, &o);
	print_form(app, (print_kind)kind, client_id, record_id, &o, NULL, 0, false);
}

void ui_send_pdf(ui_app *app, const char *title, const char *pdf, size_t len)
{
	spool_job job;
	tsu_err e;

	if (spool_send(spool_printer(NULL, app->cfg.printer), title, pdf, len, &job, &e) != TSU_OK)
		ui_error(app, "%s", e.msg);
	else
		ui_message(app, _("Sent to the printer as job %s."), job.id);
}

void ui_send(ui_app *app, const char *what, int64_t client_id, int64_t record_id)
{
	int kind = print_kind_from_name(what);
	print_opts o;

	if (kind < 0) {
		ui_error(app, "%s", _("This screen has nothing to print."));
		return;
	}
	print_opts_of(app, &o);
	print_form(app, (print_kind)kind, client_id, record_id, &o, NULL, 0, true);
}

void ui_print_record(ui_app *app, int64_t client_id, bool send)
{
	print_opts o;

	print_opts_of(app, &o);
	o.from = date_add_months(app->today, -UI_RECORD_MONTHS);
	o.to = app->today;
	print_form(app, PRINT_RECORD, client_id, 0, &o, NULL, 0, send);
}

/* The summary being asked for: the client, then the party while
 * "print without consent?" waits (one at a time). */
static struct { int64_t client_id; char *party; bool send; } pending;

static void print_summary_now(ui_app *app, int64_t client_id, const char *party, int64_t consent_id)
{
	print_opts o;

	print_opts_of(app, &o);
	o.party = party;
	print_form(app, PRINT_SUMMARY, client_id, 0, &o, party, consent_id, pending.send);
}

static void confirm_summary(ui_app *app, void *arg, bool yes)
{
	if (yes && pending.party)
		print_summary_now(app, pending.client_id, pending.party, 0);
	else if (!yes)
		ui_message(app, "%s", _("Not printed."));
	free(pending.party);
	pending.party = NULL;
}

static bool answer_party(ui_app *app, void *arg, ui_form *f)
{
	int64_t client_id = pending.client_id, consent_id;
	char *raw = ui_field_get(&f->fields[0]), *party = text_trim(raw);
	tsu_err e;

	free(raw);
	if (!party[0]) {
		free(party);
		ui_error(app, "%s", _("Say to whom the summary goes (a hospital, an office), or Esc."));
		return false;
	}
	if (print_summary_consent(app->db, client_id, party, app->today, &consent_id, NULL, &e) != TSU_OK) {
		free(party);
		ui_error(app, "%s", e.msg);
		return false;
	}
	if (consent_id) {
		print_summary_now(app, client_id, party, consent_id);
		free(party);
		return true;
	}
	free(pending.party);
	pending.party = party;
	{
		char *shown = text_sanitize(party, false);
		char *q = xasprintf(_("No consent in force today names %s.\nPrint the summary anyway? The disclosure is recorded."), shown);
		ui_confirm(app, q, confirm_summary, NULL);
		free(q);
		free(shown);
	}
	return true;
}

void ui_print_summary(ui_app *app, int64_t client_id, bool send)
{
	ui_prompt_field fl[1];
	ui_screen s;

	pending.client_id = client_id;
	pending.send = send;
	fl[0] = (ui_prompt_field){ "party", _("to whom (hospital, office)"), UI_F_TEXT, 200, "", NULL, NULL };
	s = ui_prompt_screen(app, _("Print the case summary (情報提供書)"),
			     _("The client's consents are checked; every summary printed is recorded."),
			     fl, 1, answer_party, NULL);
	ui_push(app, s);
}

/* This week's due sheet as a PDF; false after saying why not. */
static bool due_pdf(ui_app *app, date_t from, char **pdf, size_t *len)
{
	const char *worker = app->cfg.worker[0] ? app->cfg.worker : db_login(app->db);
	due_sheet sheet;
	tsu_err e;

	if (due_sheet_build(app->db, app->today, from, from + 6, 0, false, false, worker,
			    &sheet, &e) != TSU_OK) {
		ui_error(app, "%s", e.msg);
		return false;
	}
	if (due_report_pdf(&sheet.r, pdf, len, &e) != TSU_OK) {
		due_sheet_free(&sheet);
		ui_error(app, "%s", e.msg);
		return false;
	}
	due_sheet_free(&sheet);
	return true;
}

void ui_print_due_sheet(ui_app *app)
{
	date_t from = date_week_start(app->today);
	char iso[DATE_ISO_LEN], *name, *pdf = NULL;
	size_t len = 0;

	if (!due_pdf(app, from, &pdf, &len))
		return;
	date_format_iso(from, iso);
	name = xasprintf("due-%s.pdf", iso);
	save_print(app, name, pdf, len);
	free(name);
	free(pdf);
}

void ui_send_due_sheet(ui_app *app)
{
	date_t from = date_week_start(app->today);
	char iso[DATE_ISO_LEN], *title, *pdf = NULL;
	size_t len = 0;

	if (!due_pdf(app, from, &pdf, &len))
		return;
	date_format_iso(from, iso);
	title = xasprintf("tsunagi due %s", iso);
	ui_send_pdf(app, title, pdf, len);
	free(title);
	free(pdf);
}

/* A month's document: saved as NAME-YYYY-MM.pdf, or sent to the
 * printer titled "tsunagi NAME YYYY-MM" (no names). */
static void month_pdf_out(ui_app *app, const char *what, month_t month, const char *pdf, size_t len,
			  bool send)
{
	int y, m;
	char *name;

	month_to_ym(month, &y, &m);
	if (send) {
		name = xasprintf("tsunagi %s %04d-%02d", what, y, m);
		ui_send_pdf(app, name, pdf, len);
	} else {
		name = xasprintf("%s-%04d-%02d.pdf", what, y, m);
		save_print(app, name, pdf, len);
	}
	free(name);
}

void ui_print_billing(ui_app *app, const struct bill_sheet *s, bool send)
{
	char *pdf = NULL;
	size_t len = 0;
	tsu_err e;

	if (bill_sheet_pdf(s, &pdf, &len, &e) != TSU_OK) {
		ui_error(app, "%s", e.msg);
		return;
	}
	month_pdf_out(app, "billing", s->r.month, pdf, len, send);
	free(pdf);
}

/* The caseload health page (T's p): ~/tsunagi-print/stats-YYYY-MM.pdf. */
void ui_print_stats(ui_app *app, month_t month, bool send)
{
	const char *worker = app->cfg.worker[0] ? app->cfg.worker : db_login(app->db);
	char *pdf = NULL;
	size_t len = 0;
	stats s;
	stats_doc d;
	tsu_err e;

	if (stats_get(app->db, month, app->today, app->cfg.record_delay_days, app->cfg.billing_workers,
		      &s, &e) != TSU_OK) {
		ui_error(app, "%s", e.msg);
		return;
	}
	d = (stats_doc){ &s, app->cfg.office, worker, false };
	if (stats_report_pdf(&d, &pdf, &len, &e) != TSU_OK) {
		stats_free(&s);
		ui_error(app, "%s", e.msg);
		return;
	}
	stats_free(&s);
	month_pdf_out(app, "stats", month, pdf, len, send);
	free(pdf);
}
