/*
 * fixture.h - what the unit tests share: a database in a private
 * temporary directory, a client in it, a date from text, a text field
 * set.  Each failure is a cmocka assertion in the calling test.
 */
#ifndef TSUNAGI_TEST_FIXTURE_H
#define TSUNAGI_TEST_FIXTURE_H

#include <stdint.h>

#include "tsunagi/date.h"
#include "tsunagi/db.h"

typedef struct fx_db {
	char dir[64];           /* the private directory, removed by fx_db_close */
	char *path;             /* the database in it */
	db *db;
} fx_db;

/* Only the private directory /tmp/tsunagi-TAG-XXXXXX (path, db NULL). */
void fx_dir(fx_db *f, const char *tag);
/* A new database (migrated) in a new directory under /tmp named after tag. */
void fx_db_open(fx_db *f, const char *tag);
/* The demo case load of n clients as `tsunagi demo` writes it on today. */
void fx_demo_open(fx_db *f, const char *tag, int clients, date_t today);
/* Close the database if open and remove the directory with everything
 * in it. */
void fx_db_close(fx_db *f);

/* A date any form date_parse reads ("2026-04-01", "R8.4.1"). */
date_t fx_date(const char *s);
/* Replace a record's text field. */
void fx_set(char **dst, const char *s);
/* An active client with a name, kana and birth date; its id. */
int64_t fx_client(db *d, const char *name, const char *kana, const char *birth);

#endif
