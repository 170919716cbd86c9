/*
 * test_config.c - the settings file writer behind the settings screen:
 * it replaces the values it changes, keeps every other line (comments,
 * bind.*, unknown ones) as it was, writes atomically with mode 0600, and
 * writes nothing when a value is bad.
 */
#include <dirent.h>
#include <locale.h>
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
#include "tsunagi/record.h"
#include "tsunagi/xalloc.h"

static const char *const hand_written =
	"# my settings\n"
	"worker = 山田 花子\n"
	"\n"
	"bind.quit = C-q\n"
	"  lead.plan=45   \r\n"
	"colour = blue\n"
	"office = 古い事業所";     /* no newline at the end */

static void rewrite_replaces_values_and_keeps_the_other_lines(void **state)
{
	const config_change ch[] = {
		{ "office", "つなぎ相談支援センター" }, { "lead.plan", "60" },
		{ "idle_minutes", "5" }, { "worker", "" },
	};
	char *out;
	size_t len;

	(void)state;
	out = config_rewrite(hand_written, strlen(hand_written), ch, 4, &len);
	assert_string_equal(out,
		"# my settings\n"
		"worker =\n"
		"\n"
		"bind.quit = C-q\n"
		"lead.plan = 60\r\n"
		"colour = blue\n"
		"office = つなぎ相談支援センター\n"
		"idle_minutes = 5\n");
	free(out);
}

static void rewrite_sets_every_line_of_a_key_given_twice(void **state)
{
	const char *text = "office = A\n# note\noffice = B\n";
	const config_change ch[] = { { "office", "C" } };
	char *out;
	size_t len;

	(void)state;
	out = config_rewrite(text, strlen(text), ch, 1, &len);
	assert_string_equal(out, "office = C\n# note\noffice = C\n");
	free(out);
	out = config_rewrite("", 0, ch, 1, &len);
	assert_string_equal(out, "office = C\n");
	free(out);
}

static char *make_dir(void)
{
	char tmpl[] = "/tmp/tsunagi-test-config.XXXXXX";
	char *d = mkdtemp(tmpl);

	assert_non_null(d);
	return xstrdup(d);
}

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "r");
	strbuf b;
	char buf[512];
	size_t n;

	assert_non_null(f);
	sb_init(&b);
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		sb_addn(&b, buf, n);
	fclose(f);
	return b.s ? sb_steal(&b) : xstrdup("");
}

static int entries(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	int n = 0;

	assert_non_null(d);
	while ((de = readdir(d)))
		if (strcmp(de->d_name, ".") && strcmp(de->d_name, ".."))
			n++;
	closedir(d);
	return n;
}

static void save_writes_0600_in_a_new_0700_directory_and_reads_back(void **state)
{
	char *top = make_dir(), *dir = xasprintf("%s/tsunagi", top), *path = xasprintf("%s/config", dir);
	const config_change ch[] = { { "office", "つなぎ相談支援センター" }, { "worker", "佐藤" },
				     { "lead.certificate", "120" } };
	struct stat st;
	config c;
	char *text;
	tsu_err e;

	(void)state;
	assert_int_equal(config_save(path, ch, 3, &e), TSU_OK);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0600);
	assert_int_equal(stat(dir, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0700);
	assert_int_equal(entries(dir), 1);      /* no temporary file left */
	text = slurp(path);
	config_defaults(&c);
	config_parse(&c, text, strlen(text));
	assert_string_equal(c.office, "つなぎ相談支援センター");
	assert_string_equal(c.worker, "佐藤");
	assert_int_equal(c.leads.days[DUE_LEAD_CERTIFICATE], 120);
	assert_true(c.names_set);
	assert_string_equal(c.warnings, "");
	config_free(&c);
	free(text);
	unlink(path);
	rmdir(dir);
	rmdir(top);
	free(path);
	free(dir);
	free(top);
}

static void save_keeps_the_users_lines_and_replaces_the_file_whole(void **state)
{
	char *dir = make_dir(), *path = xasprintf("%s/config", dir), *text;
	const config_change ch[] = { { "office", "新" } };
	struct stat before, after;
	FILE *f;
	tsu_err e;

	(void)state;
	f = fopen(path, "w");
	fputs(hand_written, f);
	fclose(f);
	chmod(path, 0644);
	assert_int_equal(stat(path, &before), 0);
	assert_int_equal(config_save(path, ch, 1, &e), TSU_OK);
	assert_int_equal(stat(path, &after), 0);
	/* A new file renamed over the old one, not the old one rewritten. */
	assert_true(before.st_ino != after.st_ino);
	assert_int_equal(after.st_mode & 07777, 0600);
	text = slurp(path);
	assert_string_equal(text,
		"# my settings\n"
		"worker = 山田 花子\n"
		"\n"
		"bind.quit = C-q\n"
		"  lead.plan=45   \r\n"
		"colour = blue\n"
		"office = 新\n");
	assert_int_equal(entries(dir), 1);
	free(text);
	unlink(path);
	rmdir(dir);
	free(path);
	free(dir);
}

static void save_refuses_a_bad_value_naming_its_field_and_writes_nothing(void **state)
{
	char *dir = make_dir(), *path = xasprintf("%s/config", dir), *text;
	const config_change bad_lead[] = { { "office", "良い名前" }, { "lead.plan", "731" } };
	const config_change bad_idle[] = { { "idle_minutes", "ten" } };
	const config_change bad_name[] = { { "worker", "a\033]0;x" } };
	const config_change bad_printer[] = { { "printer", "lp 0" } };
	const config_change unknown[] = { { "colour", "blue" } };
	FILE *f;
	tsu_err e;

	(void)state;
	f = fopen(path, "w");
	fputs("office = 元\n", f);
	fclose(f);
	assert_int_equal(config_save(path, bad_lead, 2, &e), TSU_EINVAL);
	assert_non_null(strstr(e.msg, "lead.plan: "));
	assert_null(strchr(e.msg, '\n'));
	assert_int_equal(config_save(path, bad_idle, 1, &e), TSU_EINVAL);
	assert_non_null(strstr(e.msg, "idle_minutes"));
	assert_int_equal(config_save(path, bad_name, 1, &e), TSU_EINVAL);
	assert_non_null(strstr(e.msg, "worker: "));
	assert_int_equal(config_save(path, bad_printer, 1, &e), TSU_EINVAL);
	assert_non_null(strstr(e.msg, "printer: "));
	assert_int_equal(config_save(path, unknown, 1, &e), TSU_EINVAL);
	assert_non_null(strstr(e.msg, "colour: "));
	text = slurp(path);
	assert_string_equal(text, "office = 元\n");
	assert_int_equal(entries(dir), 1);
	free(text);
	unlink(path);
	rmdir(dir);
	free(path);
	free(dir);
}

static void rewrite_keeps_a_line_with_a_nul_byte_whole(void **state)
{
	const char text[] = "a\0b = 1\noffice = x\n";
	const config_change ch[] = { { "office", "y" } };
	size_t len;
	char *out;

	(void)state;
	out = config_rewrite(text, sizeof text - 1, ch, 1, &len);
	assert_int_equal(len, 19);
	assert_memory_equal(out, "a\0b = 1\noffice = y\n", 19);
	free(out);
}

static void save_through_a_link_rewrites_its_target_and_keeps_the_link(void **state)
{
	char *dir = make_dir(), *target = xasprintf("%s/dotfiles-config", dir),
	     *link = xasprintf("%s/config", dir), *text;
	const config_change ch[] = { { "worker", "鈴木" } };
	struct stat st;
	FILE *f;
	tsu_err e;

	(void)state;
	f = fopen(target, "w");
	fputs("# kept in git\nworker = 前\n", f);
	fclose(f);
	assert_int_equal(symlink("dotfiles-config", link), 0);
	assert_int_equal(config_save(link, ch, 1, &e), TSU_OK);
	assert_int_equal(lstat(link, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	text = slurp(target);
	assert_string_equal(text, "# kept in git\nworker = 鈴木\n");
	assert_int_equal(entries(dir), 2);
	free(text);
	unlink(link);
	unlink(target);
	rmdir(dir);
	free(link);
	free(target);
	free(dir);
}

static void an_office_line_even_empty_means_the_names_were_asked(void **state)
{
	config c;

	(void)state;
	config_defaults(&c);
	config_parse(&c, "bind.quit = q\nlead.plan = 30\n", 29);
	assert_string_equal(c.warnings, "");
	assert_false(c.names_set);
	config_parse(&c, "office =\n", 9);
	assert_true(c.names_set);
	assert_string_equal(c.office, "");
	config_free(&c);
}

/* ---- the note style and the next step lead (notes of issue 16) ---- */

static config_note_style style_of(const char *text)
{
	config c;
	config_note_style style;

	config_defaults(&c);
	config_parse(&c, text, strlen(text));
	style = c.note_style;
	config_free(&c);
	return style;
}

static void note_style_picks_the_fields_a_note_form_hides(void **s)
{
	(void)s;
	/* The default is 事実/解釈: the SOAP fields are hidden. */
	assert_int_equal(style_of(""), NOTE_STYLE_FACT);
	assert_int_equal(style_of("note_style = soap\n"), NOTE_STYLE_SOAP);
	assert_int_equal(style_of("note_style=fact\n"), NOTE_STYLE_FACT);
	assert_int_equal(style_of("note_style = both\n"), NOTE_STYLE_BOTH);
}

static void a_bad_note_style_is_reported_and_keeps_the_default(void **s)
{
	static const char bad[] = "note_style = soap\nnote_style = SOAPY\n";
	config c;

	(void)s;
	config_defaults(&c);
	config_parse(&c, bad, sizeof bad - 1);
	/* The bad line changes nothing: the good one before it stands. */
	assert_int_equal(c.note_style, NOTE_STYLE_SOAP);
	assert_non_null(strstr(c.warnings, "config line 2: note_style must be soap, fact or both"));
	assert_null(strstr(c.warnings, "config line 1:"));
	config_free(&c);
}

/* Caseload health (issue 14): the record-delay days and the number of
 * workers, their defaults, their ranges; a bad value keeps the default. */
static void record_delay_and_workers_are_read_and_checked(void **s)
{
	static const char good[] = "record_delay_days = 0\nbilling.workers = 3\n";
	static const char bad[] = "record_delay_days = 366\nbilling.workers = 0\nrecord_delay_days = x\n";
	config c;
	tsu_err e;

	(void)s;
	config_defaults(&c);
	assert_int_equal(c.record_delay_days, 3);
	assert_int_equal(c.billing_workers, 10);   /* tenths: one worker */
	config_parse(&c, good, sizeof good - 1);
	assert_int_equal(c.record_delay_days, 0);
	assert_int_equal(c.billing_workers, 30);
	assert_string_equal(c.warnings, "");
	config_free(&c);
	config_defaults(&c);
	config_parse(&c, bad, sizeof bad - 1);
	assert_int_equal(c.record_delay_days, 3);
	assert_int_equal(c.billing_workers, 10);
	assert_non_null(strstr(c.warnings, "config line 1: the days must be a whole number from 0 to 365"));
	assert_non_null(strstr(c.warnings, "config line 2: billing.workers must be the number of"));
	assert_non_null(strstr(c.warnings, "config line 3:"));
	config_free(&c);
	assert_int_equal(config_check("record_delay_days", "365", &e), TSU_OK);
	assert_int_equal(config_check("record_delay_days", "-1", &e), TSU_EINVAL);
	assert_string_equal(e.msg, "record_delay_days: the days must be a whole number from 0 to 365");
}

static void the_next_step_lead_time_is_set_like_the_others(void **s)
{
	config c;

	(void)s;
	config_defaults(&c);
	assert_int_equal(c.leads.days[DUE_LEAD_NEXT], 7);
	config_parse(&c, "lead.next = 3\n", strlen("lead.next = 3\n"));
	assert_int_equal(c.leads.days[DUE_LEAD_NEXT], 3);
	assert_string_equal(c.warnings, "");
	config_free(&c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(note_style_picks_the_fields_a_note_form_hides),
		cmocka_unit_test(a_bad_note_style_is_reported_and_keeps_the_default),
		cmocka_unit_test(the_next_step_lead_time_is_set_like_the_others),
		cmocka_unit_test(record_delay_and_workers_are_read_and_checked),
		cmocka_unit_test(rewrite_replaces_values_and_keeps_the_other_lines),
		cmocka_unit_test(rewrite_sets_every_line_of_a_key_given_twice),
		cmocka_unit_test(save_writes_0600_in_a_new_0700_directory_and_reads_back),
		cmocka_unit_test(save_keeps_the_users_lines_and_replaces_the_file_whole),
		cmocka_unit_test(save_refuses_a_bad_value_naming_its_field_and_writes_nothing),
		cmocka_unit_test(rewrite_keeps_a_line_with_a_nul_byte_whole),
		cmocka_unit_test(save_through_a_link_rewrites_its_target_and_keeps_the_link),
		cmocka_unit_test(an_office_line_even_empty_means_the_names_were_asked),
	};

	setlocale(LC_ALL, "C.UTF-8");
	umask(022);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
