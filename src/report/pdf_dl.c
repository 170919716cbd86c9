/*
 * pdf_dl.c - PDF output on demand.
 *
 * The PDF writers (src/report/pdf.c, pdfw.c, ttf.c, due_pdf.c,
 * print_pdf.c, stats_pdf.c) and zlib live in tsunagi-pdf.so, which these
 * entry points load the first time a PDF is asked for, so that the many
 * runs that print nothing neither map zlib nor carry the PDF code.  (The
 * module was made for cairo, pango, fontconfig, harfbuzz and glib, some
 * thirty libraries and 3 ms at every start; with tsunagi's own writer it
 * costs little either way, and kept the program's start as it is.)  The module finds tsunagi's own functions in the
 * executable (linked with -rdynamic).  Tests link the writers directly.
 */
#include <dlfcn.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tsunagi/billing_report.h"
#include "tsunagi/due_report.h"
#include "tsunagi/i18n.h"
#include "tsunagi/print.h"
#include "tsunagi/stats_report.h"
#include "tsunagi/xalloc.h"

#ifndef TSUNAGI_PKGLIBDIR
#define TSUNAGI_PKGLIBDIR "/usr/local/lib/tsunagi"
#endif

typedef int (*due_pdf_fn)(const due_report *, char **, size_t *, tsu_err *);
typedef int (*bill_pdf_fn)(const bill_sheet *, char **, size_t *, tsu_err *);
typedef int (*pform_pdf_fn)(const pform *, char **, size_t *, tsu_err *);
typedef int (*stats_pdf_fn)(const stats_doc *, char **, size_t *, tsu_err *);

static void *module;

/* Beside the executable (the build tree), in ../lib/tsunagi beside its
 * bin directory, then where make install put it; $TSUNAGI_PDF_MODULE
 * overrides them all. */
static void *load(tsu_err *e)
{
	char exe[PATH_MAX], *dir, *path;
	const char *env = getenv("TSUNAGI_PDF_MODULE");
	ssize_t n;

	if (module)
		return module;
	if (env && *env) {
		module = dlopen(env, RTLD_NOW | RTLD_LOCAL);
	} else {
		n = readlink("/proc/self/exe", exe, sizeof exe - 1);
		if (n > 0) {
			exe[n] = '\0';
			dir = strrchr(exe, '/');
			if (dir) {
				*dir = '\0';
				/* The build tree, then PREFIX/bin -> PREFIX/lib/tsunagi
				 * so an installed tree can be moved. */
				path = xasprintf("%s/tsunagi-pdf.so", exe);
				if (access(path, R_OK) == 0)
					module = dlopen(path, RTLD_NOW | RTLD_LOCAL);
				free(path);
				path = xasprintf("%s/../lib/tsunagi/tsunagi-pdf.so", exe);
				if (!module && access(path, R_OK) == 0)
					module = dlopen(path, RTLD_NOW | RTLD_LOCAL);
				free(path);
			}
		}
		if (!module)
			module = dlopen(TSUNAGI_PKGLIBDIR "/tsunagi-pdf.so", RTLD_NOW | RTLD_LOCAL);
	}
	if (!module)
		err_set(e, TSU_EFAIL, _("PDF output is not available (%s); reinstall tsunagi, or use --format text"),
			dlerror());
	return module;
}

static void *symbol(const char *name, tsu_err *e)
{
	void *m = load(e), *f;

	if (!m)
		return NULL;
	f = dlsym(m, name);
	if (!f)
		err_set(e, TSU_EFAIL, _("PDF output is not available (%s); reinstall tsunagi, or use --format text"),
			name);
	return f;
}

int due_report_pdf(const due_report *r, char **pdf, size_t *len, tsu_err *e)
{
	due_pdf_fn fn;

	*(void **)&fn = symbol("due_report_pdf", e);
	return fn ? fn(r, pdf, len, e) : TSU_EFAIL;
}

int pform_render_pdf(const pform *f, char **pdf, size_t *len, tsu_err *e)
{
	pform_pdf_fn fn;

	*(void **)&fn = symbol("pform_render_pdf", e);
	return fn ? fn(f, pdf, len, e) : TSU_EFAIL;
}

int bill_sheet_pdf(const bill_sheet *s, char **pdf, size_t *len, tsu_err *e)
{
	bill_pdf_fn fn;

	*(void **)&fn = symbol("bill_sheet_pdf", e);
	return fn ? fn(s, pdf, len, e) : TSU_EFAIL;
}

int stats_report_pdf(const stats_doc *d, char **pdf, size_t *len, tsu_err *e)
{
	stats_pdf_fn fn;

	*(void **)&fn = symbol("stats_report_pdf", e);
	return fn ? fn(d, pdf, len, e) : TSU_EFAIL;
}
