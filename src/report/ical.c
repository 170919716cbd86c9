/*
 * ical.c - the RFC 5545 writer (see ical.h).  Folding counts octets, as
 * the RFC does, and steps back to the start of a UTF-8 character so a
 * Japanese name is never cut in half.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tsunagi/ical.h"
#include "tsunagi/text.h"

enum { FOLD = 75 };

void ical_line(strbuf *b, const char *line)
{
	size_t n = strlen(line), room = FOLD;

	while (n > room) {
		size_t cut = room;

		/* Do not cut before a continuation byte (10xxxxxx). */
		while (cut > 0 && ((unsigned char)line[cut] & 0xC0) == 0x80)
			cut--;
		sb_addn(b, line, cut);
		sb_adds(b, "\r\n ");
		line += cut;
		n -= cut;
		room = FOLD - 1;    /* the leading space counts */
	}
	sb_addn(b, line, n);
	sb_adds(b, "\r\n");
}

void ical_escape(strbuf *b, const char *text)
{
	char *clean = text_sanitize(text ? text : "", true);

	for (const char *p = clean; *p; p++) {
		switch (*p) {
		case '\\': sb_adds(b, "\\\\"); break;
		case ';': sb_adds(b, "\\;"); break;
		case ',': sb_adds(b, "\\,"); break;
		case '\n': sb_adds(b, "\\n"); break;
		default: sb_addc(b, *p); break;
		}
	}
	free(clean);
}

void ical_begin(strbuf *b, const char *name)
{
	strbuf l;

	ical_line(b, "BEGIN:VCALENDAR");
	ical_line(b, "VERSION:2.0");
	ical_line(b, "PRODID:-//tsunagi//tsunagi//JA");
	ical_line(b, "CALSCALE:GREGORIAN");
	sb_init(&l);
	sb_adds(&l, "X-WR-CALNAME:");
	ical_escape(&l, name);
	ical_line(b, l.s);
	sb_free(&l);
}

void ical_end(strbuf *b)
{
	ical_line(b, "END:VCALENDAR");
}

static void prop_text(strbuf *b, const char *name, const char *text)
{
	strbuf l;

	sb_init(&l);
	sb_adds(&l, name);
	sb_addc(&l, ':');
	ical_escape(&l, text);
	ical_line(b, l.s);
	sb_free(&l);
}

static void prop_date(strbuf *b, const char *name, date_t d, const char *suffix)
{
	int y, m, dd;
	char line[80];

	date_to_ymd(d, &y, &m, &dd);
	snprintf(line, sizeof line, "%s%04d%02d%02d%s", name, y, m, dd, suffix);
	ical_line(b, line);
}

void ical_event_add(strbuf *b, const ical_event *ev)
{
	strbuf uid;

	ical_line(b, "BEGIN:VEVENT");
	sb_init(&uid);
	sb_adds(&uid, "UID:");
	sb_adds(&uid, ev->uid);
	ical_line(b, uid.s);
	sb_free(&uid);
	prop_date(b, "DTSTAMP:", ev->stamp, "T000000Z");
	prop_date(b, "DTSTART;VALUE=DATE:", ev->on, "");
	prop_date(b, "DTEND;VALUE=DATE:", ev->on + 1, "");
	prop_text(b, "SUMMARY", ev->summary);
	if (ev->description && *ev->description)
		prop_text(b, "DESCRIPTION", ev->description);
	if (ev->category && *ev->category)
		prop_text(b, "CATEGORIES", ev->category);
	ical_line(b, "TRANSP:TRANSPARENT");
	ical_line(b, "END:VEVENT");
}
