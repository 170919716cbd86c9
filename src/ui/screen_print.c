/*
 * screen_print.c - printing from a screen: the form (print.h builds it)
 * is written as an A4 PDF to ~/tsunagi-print/<form>-<client>-<id>.pdf
 * (a plan's as plan-draft-... or plan-final-...: print_file_name),
 * the directory 0700 and the file 0600 because it holds personal data,
 * and the status line says where it went (for lp or a viewer).  The
 * alarm list prints this week's due sheet the same way, as
 * ~/tsunagi-print/due-<Monday>.pdf, and caseload health its page as
 * ~/tsunagi-print/stats-YYYY-MM.pdf.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tsunagi/due_report.h"
#include "tsunagi/i18n.h"
#include "tsunagi/print.h"
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

void ui_print(ui_app *app, const char *what, int64_t client_id, int64_t record_id)
{
	const char *home = getenv("HOME");
	int kind = print_kind_from_name(what);
	print_opts o = { app->cfg.office, app->cfg.worker[0] ? app->cfg.worker : db_login(app->db),
			 false, app->today };
	pform *f = NULL;
	char *pdf = NULL, *name;
	size_t len = 0;
	tsu_err e;

	if (kind < 0 || !home || !*home) {
		ui_error(app, "%s", _("HOME is not set, so there is no ~/tsunagi-print/ to print into."));
		return;
	}
	if (print_build(app->db, (print_kind)kind, client_id, record_id, &o, &f, &e) != TSU_OK) {
		ui_error(app, "%s", e.msg);
		return;
	}
	if (pform_render_pdf(f, &pdf, &len, &e) != TSU_OK) {
		pform_free(f);
		ui_error(app, "%s", e.msg);
		return;
	}
	name = print_file_name(f, (print_kind)kind, client_id, record_id);
	pform_free(f);
	save_print(app, name, pdf, len);
	free(name);
	free(pdf);
}

void ui_print_due_sheet(ui_app *app)
{
	date_t from = date_week_start(app->today);
	const char *worker = app->cfg.worker[0] ? app->cfg.worker : db_login(app->db);
	char iso[DATE_ISO_LEN], *name, *pdf = NULL;
	size_t len = 0;
	due_sheet sheet;
	tsu_err e;

	if (due_sheet_build(app->db, app->today, from, from + 6, 0, false, false, worker,
			    &sheet, &e) != TSU_OK) {
		ui_error(app, "%s", e.msg);
		return;
	}
	if (due_report_pdf(&sheet.r, &pdf, &len, &e) != TSU_OK) {
		due_sheet_free(&sheet);
		ui_error(app, "%s", e.msg);
		return;
	}
	due_sheet_free(&sheet);
	date_format_iso(from, iso);
	name = xasprintf("due-%s.pdf", iso);
	save_print(app, name, pdf, len);
	free(name);
	free(pdf);
}

/* The caseload health page (T's p): ~/tsunagi-print/stats-YYYY-MM.pdf. */
void ui_print_stats(ui_app *app, month_t month)
{
	const char *worker = app->cfg.worker[0] ? app->cfg.worker : db_login(app->db);
	char *name, *pdf = NULL;
	size_t len = 0;
	stats s;
	stats_doc d;
	tsu_err e;
	int y, m;

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
	month_to_ym(month, &y, &m);
	name = xasprintf("stats-%04d-%02d.pdf", y, m);
	save_print(app, name, pdf, len);
	free(name);
	free(pdf);
}
