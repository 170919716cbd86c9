/*
 * test_config.c - the settings of issue 16: the note style a form shows
 * (note_style) and the lead time of a note's next step (lead.next).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "tsunagi/config.h"
#include "tsunagi/record.h"

static unsigned style_of(const char *text)
{
	config c;
	unsigned hide;

	config_defaults(&c);
	config_parse(&c, text, strlen(text));
	hide = c.note_hide;
	config_free(&c);
	return hide;
}

static void note_style_picks_the_fields_a_note_form_hides(void **s)
{
	(void)s;
	/* The default is 事実/解釈: the SOAP fields are hidden. */
	assert_int_equal(style_of(""), FF_STYLE_SOAP);
	assert_int_equal(style_of("note_style = soap\n"), FF_STYLE_FACT);
	assert_int_equal(style_of("note_style=fact\n"), FF_STYLE_SOAP);
	assert_int_equal(style_of("note_style = both\n"), 0);
}

static void a_bad_note_style_is_reported_and_keeps_the_default(void **s)
{
	static const char bad[] = "note_style = soap\nnote_style = SOAPY\n";
	config c;

	(void)s;
	config_defaults(&c);
	config_parse(&c, bad, sizeof bad - 1);
	/* The bad line changes nothing: the good one before it stands. */
	assert_int_equal(c.note_hide, FF_STYLE_FACT);
	assert_non_null(strstr(c.warnings, "config line 2: note_style must be soap, fact or both"));
	assert_null(strstr(c.warnings, "config line 1:"));
	config_free(&c);
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
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
