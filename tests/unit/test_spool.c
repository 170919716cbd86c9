/*
 * test_spool.c - sending a PDF to CUPS (spool.h) against stand-in `lp`
 * and `lpstat` scripts put first in $PATH: the document reaches lp's
 * standard input byte for byte (from memory and from a file) and no
 * path is in its argv, the request id is read back, the destination
 * and title are what the caller chose, and each failure lp reports
 * becomes its one line: not installed, no default, unknown printer,
 * scheduler down (lp says "does not exist" then too), not accepting.
 * The real scheduler is tested end to end in tests/e2e/t_print_cups.sh.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "tsunagi/config.h"
#include "tsunagi/spool.h"
#include "tsunagi/xalloc.h"

static char dir[] = "/tmp/tsunagi-test-spool.XXXXXX";
static char *old_path;

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	strbuf b;
	char buf[4096];
	size_t n;

	if (!f)
		return NULL;
	sb_init(&b);
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		sb_addn(&b, buf, n);
	fclose(f);
	*len = b.len;
	return b.s ? sb_steal(&b) : xstrdup("");
}

static void script(const char *name, const char *body)
{
	char *path = xasprintf("%s/%s", dir, name);
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fprintf(f, "#!/bin/sh\nPATH=/usr/bin:/bin\n%s\n", body);
	fclose(f);
	assert_int_equal(chmod(path, 0700), 0);
	free(path);
}

/* An lp that keeps its stdin and argv and answers like CUPS's. */
static void good_lp(void)
{
	script("lp", "cat > \"$(dirname \"$0\")/doc\"\n"
	       "for a in \"$@\"; do printf '%s\\n' \"$a\"; done > \"$(dirname \"$0\")/argv\"\n"
	       "if [ \"$1\" = -d ]; then q=$2; else q=dflt; fi\n"
	       "echo \"request id is $q-42 (0 file(s))\"");
}

static int setup(void **state)
{
	(void)state;
	if (!mkdtemp(dir))
		return -1;
	old_path = xstrdup(getenv("PATH") ? getenv("PATH") : "/usr/bin:/bin");
	setenv("PATH", dir, 1);     /* only the stand-ins (and /bin/sh by path) */
	return 0;
}

static int teardown(void **state)
{
	char *cmd = xasprintf("rm -rf '%s'", dir);

	(void)state;
	setenv("PATH", old_path, 1);
	free(old_path);
	if (system(cmd) != 0)
		return -1;
	free(cmd);
	return 0;
}

static void argv_is(const char *want)
{
	char *path = xasprintf("%s/argv", dir), *got;
	size_t n;

	got = slurp(path, &n);
	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
	free(path);
}

static void the_pdf_goes_through_stdin_and_the_job_id_comes_back(void **state)
{
	static char pdf[200000];
	char *path = xasprintf("%s/doc", dir), *got;
	spool_job job;
	tsu_err e;
	size_t n;

	(void)state;
	good_lp();
	/* More than a pipe holds, with NUL bytes, as a PDF has. */
	for (size_t i = 0; i < sizeof pdf; i++)
		pdf[i] = (char)(i * 7 % 251);
	assert_int_equal(spool_send("office-laser", "tsunagi due 2026-11-23", pdf, sizeof pdf, &job, &e), TSU_OK);
	assert_string_equal(job.id, "office-laser-42");
	got = slurp(path, &n);
	assert_int_equal(n, sizeof pdf);
	assert_memory_equal(got, pdf, n);
	free(got);
	argv_is("-d\noffice-laser\n-t\ntsunagi due 2026-11-23\n");

	/* No printer: no -d, CUPS's default. */
	assert_int_equal(spool_send(NULL, "tsunagi plan-final-3-12", "%PDF", 4, &job, &e), TSU_OK);
	assert_string_equal(job.id, "dflt-42");
	argv_is("-t\ntsunagi plan-final-3-12\n");
	free(path);
}

static void a_file_is_lps_stdin_not_its_argument(void **state)
{
	char *src = xasprintf("%s/in.pdf", dir), *doc = xasprintf("%s/doc", dir), *got;
	FILE *f = fopen(src, "w");
	spool_job job;
	tsu_err e;
	size_t n;

	(void)state;
	good_lp();
	assert_non_null(f);
	fputs("%PDF-1.5 from a file", f);
	fclose(f);
	assert_int_equal(spool_send_file("q1", "tsunagi due 2026-11-23", src, &job, &e), TSU_OK);
	got = slurp(doc, &n);
	assert_string_equal(got, "%PDF-1.5 from a file");
	argv_is("-d\nq1\n-t\ntsunagi due 2026-11-23\n");
	free(got);
	/* A directory is not a PDF. */
	assert_int_equal(spool_send_file("q1", "tsunagi x", dir, &job, &e), TSU_EINVAL);
	free(src);
	free(doc);
}

static void each_failure_says_what_to_do(void **state)
{
	spool_job job;
	tsu_err e;

	(void)state;
	script("lpstat", "echo 'scheduler is running'");
	script("lp", "cat >/dev/null; echo 'lp: Error - No default destination.' >&2; exit 1");
	assert_int_equal(spool_send(NULL, "tsunagi x", "%PDF", 4, &job, &e), TSU_EFAIL);
	assert_non_null(strstr(e.msg, "no default printer"));
	assert_non_null(strstr(e.msg, "--print PRINTER"));

	script("lp", "cat >/dev/null; echo 'lp: Error - The printer or class does not exist.' >&2; exit 1");
	assert_int_equal(spool_send("nosuch", "tsunagi x", "%PDF", 4, &job, &e), TSU_EFAIL);
	assert_string_equal(e.msg, "CUPS has no printer 'nosuch', so nothing was printed; 'lpstat -p' lists the printers");

	/* The same words from lp, but the scheduler is down. */
	script("lpstat", "echo 'scheduler is not running'");
	assert_int_equal(spool_send("nosuch", "tsunagi x", "%PDF", 4, &job, &e), TSU_EFAIL);
	assert_non_null(strstr(e.msg, "the CUPS scheduler is not running"));

	script("lpstat", "echo 'scheduler is running'");
	script("lp", "echo 'lp: Error - Destination \"q1\" is not accepting jobs.' >&2; exit 1");
	assert_int_equal(spool_send("q1", "tsunagi x", "%PDF", 4, &job, &e), TSU_EFAIL);
	assert_string_equal(e.msg, "the printer 'q1' is not accepting jobs, so nothing was printed; 'cupsaccept q1' lets it take them");

	/* Anything else: lp's first line, sanitised. */
	script("lp", "printf 'lp: odd \\033[31mthing\\nsecond\\n' >&2; exit 3");
	assert_int_equal(spool_send("q1", "tsunagi x", "%PDF", 4, &job, &e), TSU_EFAIL);
	assert_null(strchr(e.msg, '\033'));
	assert_non_null(strstr(e.msg, "lp failed (lp: odd"));
	assert_null(strstr(e.msg, "second"));

	/* lp that does not read its input at all must not kill us (SIGPIPE). */
	{
		static char big[1 << 20];
		script("lp", "exec 0<&-; echo 'lp: Error - The printer or class does not exist.' >&2; exit 1");
		assert_int_equal(spool_send("gone", "tsunagi x", big, sizeof big, &job, &e), TSU_EFAIL);
		assert_non_null(strstr(e.msg, "CUPS has no printer 'gone'"));
	}
}

static void no_lp_no_bad_name_no_name_in_the_title(void **state)
{
	char *lp = xasprintf("%s/lp", dir);
	spool_job job;
	tsu_err e;

	(void)state;
	unlink(lp);
	assert_int_equal(spool_send("q1", "tsunagi x", "%PDF", 4, &job, &e), TSU_EFAIL);
	assert_non_null(strstr(e.msg, "the CUPS client 'lp', which is not installed"));
	good_lp();
	/* Checked before anything runs. */
	assert_int_equal(spool_send("-o raw", "tsunagi x", "%PDF", 4, &job, &e), TSU_EINVAL);
	assert_int_equal(spool_send("a/b", "tsunagi x", "%PDF", 4, &job, &e), TSU_EINVAL);
	assert_int_equal(spool_send("q1", "tsunagi 岡田 結衣", "%PDF", 4, &job, &e), TSU_EINVAL);
	assert_int_equal(spool_send("q1", "", "%PDF", 4, &job, &e), TSU_EINVAL);
	assert_int_equal(spool_send("q1", "tsunagi\nx", "%PDF", 4, &job, &e), TSU_EINVAL);
	free(lp);
}

static void names_destinations_and_request_ids(void **state)
{
	spool_job job;
	char long_name[140];

	(void)state;
	assert_null(spool_bad_name("office-laser_2F"));
	assert_null(spool_bad_name("事務所のプリンター"));
	assert_non_null(spool_bad_name(""));
	assert_non_null(spool_bad_name("two words"));
	assert_non_null(spool_bad_name("a#b"));
	assert_non_null(spool_bad_name("-d"));
	assert_non_null(spool_bad_name("tab\there"));
	memset(long_name, 'p', sizeof long_name - 1);
	long_name[sizeof long_name - 1] = '\0';
	assert_non_null(spool_bad_name(long_name));
	long_name[127] = '\0';
	assert_null(spool_bad_name(long_name));

	assert_string_equal(spool_printer("given", "conf"), "given");
	assert_string_equal(spool_printer("", "conf"), "conf");
	assert_string_equal(spool_printer(NULL, "conf"), "conf");
	assert_null(spool_printer(NULL, ""));
	assert_null(spool_printer("", ""));

	assert_true(spool_parse_request("request id is PDF-12 (1 file(s))\n", &job));
	assert_string_equal(job.id, "PDF-12");
	assert_false(spool_parse_request("lp: something else\n", &job));
	assert_false(spool_parse_request("request id is \n", &job));
}

static void the_config_keeps_a_printer_and_refuses_a_bad_one(void **state)
{
	static const char text[] = "printer = office-laser\nprinter = bad name\n";
	config c;
	tsu_err e;

	(void)state;
	config_defaults(&c);
	assert_string_equal(c.printer, "");
	config_parse(&c, text, sizeof text - 1);
	assert_string_equal(c.printer, "office-laser");
	assert_non_null(strstr(c.warnings, "config line 2"));
	config_free(&c);
	assert_int_equal(config_check("printer", "", &e), TSU_OK);
	assert_int_equal(config_check("printer", "q1", &e), TSU_OK);
	assert_int_equal(config_check("printer", "q 1", &e), TSU_EINVAL);
	assert_non_null(strstr(e.msg, "printer: "));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(the_pdf_goes_through_stdin_and_the_job_id_comes_back),
		cmocka_unit_test(a_file_is_lps_stdin_not_its_argument),
		cmocka_unit_test(each_failure_says_what_to_do),
		cmocka_unit_test(no_lp_no_bad_name_no_name_in_the_title),
		cmocka_unit_test(names_destinations_and_request_ids),
		cmocka_unit_test(the_config_keeps_a_printer_and_refuses_a_bad_one),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
