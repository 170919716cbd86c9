/*
 * test_ical.c - the RFC 5545 writer: CRLF lines, folding at 75 octets
 * without splitting a UTF-8 character, TEXT escaping, all-day events.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "tsunagi/ical.h"
#include "tsunagi/text.h"

/* Undo folding: drop every CRLF followed by a space. */
static char *unfold(const char *s)
{
	strbuf b;

	sb_init(&b);
	for (; *s; s++) {
		if (s[0] == '\r' && s[1] == '\n' && s[2] == ' ') {
			s += 2;
			continue;
		}
		sb_addc(&b, *s);
	}
	return sb_steal(&b);
}

/* Every physical line ends in CRLF, is at most 75 octets and valid UTF-8. */
static void assert_lines_ok(const char *s)
{
	while (*s) {
		const char *crlf = strstr(s, "\r\n");

		assert_non_null(crlf);
		assert_true(crlf - s <= 75);
		assert_true(text_valid_utf8(s, (size_t)(crlf - s), NULL));
		assert_null(memchr(s, '\n', (size_t)(crlf - s)));
		s = crlf + 2;
	}
}

static void ical_short_line_is_written_as_is_with_crlf(void **st)
{
	strbuf b;

	sb_init(&b);
	ical_line(&b, "BEGIN:VEVENT");
	assert_string_equal(b.s, "BEGIN:VEVENT\r\n");
	sb_free(&b);
}

static void ical_line_of_exactly_75_octets_is_not_folded(void **st)
{
	char line[76];
	strbuf b;

	memset(line, 'a', 75);
	line[75] = '\0';
	sb_init(&b);
	ical_line(&b, line);
	assert_int_equal(b.len, 77);
	sb_free(&b);
}

static void ical_long_ascii_line_folds_at_75_then_74_octets(void **st)
{
	char line[201];
	strbuf b;

	memset(line, 'x', 200);
	line[200] = '\0';
	sb_init(&b);
	ical_line(&b, line);
	/* 75 + CRLF, " " + 74 + CRLF, " " + 51 + CRLF */
	assert_int_equal(strstr(b.s, "\r\n") - b.s, 75);
	assert_int_equal(strstr(b.s + 77, "\r\n") - (b.s + 77), 75);
	assert_lines_ok(b.s);
	char *u = unfold(b.s);
	assert_int_equal(strlen(u), 202);
	assert_memory_equal(u, line, 200);
	free(u);
	sb_free(&b);
}

static void ical_folding_never_splits_a_japanese_character(void **st)
{
	strbuf line, b;

	sb_init(&line);
	sb_adds(&line, "SUMMARY:");
	for (int i = 0; i < 60; i++)
		sb_adds(&line, i % 2 ? "田" : "や");   /* 3 octets each */
	sb_init(&b);
	ical_line(&b, line.s);
	assert_lines_ok(b.s);
	char *u = unfold(b.s);
	assert_int_equal(strlen(u), line.len + 2);
	assert_memory_equal(u, line.s, line.len);
	free(u);
	sb_free(&b);
	sb_free(&line);
}

static void ical_text_escapes_backslash_semicolon_comma_and_newline(void **st)
{
	strbuf b;

	sb_init(&b);
	ical_escape(&b, "a\\b;c,d\ne");
	assert_string_equal(b.s, "a\\\\b\\;c\\,d\\ne");
	sb_free(&b);
}

static void ical_text_shows_control_characters_as_placeholders(void **st)
{
	strbuf b;

	sb_init(&b);
	ical_escape(&b, "x\x1b[31my");
	assert_null(strchr(b.s, 0x1b));
	sb_free(&b);
}

static void ical_event_is_all_day_with_uid_and_next_day_end(void **st)
{
	strbuf b;
	ical_event ev = { "monitoring-12-2026-07@tsunagi", date_from_ymd(2026, 7, 31),
			  date_from_ymd(2026, 7, 1), "山田 太郎: モニタリング, 7月", NULL, "monitoring" };

	sb_init(&b);
	ical_begin(&b, "tsunagi");
	ical_event_add(&b, &ev);
	ical_end(&b);
	assert_lines_ok(b.s);
	assert_non_null(strstr(b.s, "\r\nUID:monitoring-12-2026-07@tsunagi\r\n"));
	assert_non_null(strstr(b.s, "\r\nDTSTART;VALUE=DATE:20260731\r\n"));
	assert_non_null(strstr(b.s, "\r\nDTEND;VALUE=DATE:20260801\r\n"));
	assert_non_null(strstr(b.s, "\r\nDTSTAMP:20260701T000000Z\r\n"));
	assert_non_null(strstr(b.s, "\r\nSUMMARY:山田 太郎: モニタリング\\, 7月\r\n"));
	assert_true(strncmp(b.s, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", 30) == 0);
	assert_non_null(strstr(b.s, "END:VEVENT\r\nEND:VCALENDAR\r\n"));
	sb_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(ical_short_line_is_written_as_is_with_crlf),
		cmocka_unit_test(ical_line_of_exactly_75_octets_is_not_folded),
		cmocka_unit_test(ical_long_ascii_line_folds_at_75_then_74_octets),
		cmocka_unit_test(ical_folding_never_splits_a_japanese_character),
		cmocka_unit_test(ical_text_escapes_backslash_semicolon_comma_and_newline),
		cmocka_unit_test(ical_text_shows_control_characters_as_placeholders),
		cmocka_unit_test(ical_event_is_all_day_with_uid_and_next_day_end),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
