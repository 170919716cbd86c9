/*
 * ical.h - an RFC 5545 writer: content lines ended by CRLF and folded at
 * 75 octets without splitting a UTF-8 character, TEXT values escaped, and
 * all-day events (DTSTART;VALUE=DATE) with caller-chosen stable UIDs so a
 * re-import updates events instead of adding copies.
 */
#ifndef TSUNAGI_ICAL_H
#define TSUNAGI_ICAL_H

#include "tsunagi/date.h"
#include "tsunagi/xalloc.h"

/* Append one content line (name and value already joined), folded. */
void ical_line(strbuf *b, const char *line);
/* Append text escaped as an RFC 5545 TEXT value: \ ; , and newline. */
void ical_escape(strbuf *b, const char *text);

/* BEGIN:VCALENDAR with VERSION, PRODID and a calendar name. */
void ical_begin(strbuf *b, const char *name);
void ical_end(strbuf *b);

typedef struct ical_event {
	const char *uid;
	date_t on;              /* an all-day event on this day */
	date_t stamp;           /* DTSTAMP (midnight UTC of that day) */
	const char *summary;    /* plain text; escaped here */
	const char *description;/* may be NULL */
	const char *category;   /* may be NULL */
} ical_event;

void ical_event_add(strbuf *b, const ical_event *ev);

#endif
