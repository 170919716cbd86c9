/*
 * backup.h - copies of the database that are always whole.
 *
 * A backup uses SQLite's online backup API: it reads one consistent
 * snapshot while other tsunagi sessions go on writing (WAL), writes a
 * temporary 0600 file beside the target, checks it with integrity_check
 * and only then renames it into place.  A restore checks the backup
 * first, refuses a database that another connection has open, keeps the
 * replaced database beside it and swaps the files so that the path never
 * points at nothing.
 */
#ifndef TSUNAGI_BACKUP_H
#define TSUNAGI_BACKUP_H

#include "tsunagi/date.h"
#include "tsunagi/db.h"
#include "tsunagi/err.h"

/* Copy the open database to path (created 0600, replaced atomically). */
int backup_write(db *db, const char *path, tsu_err *e);

/* Is the file path alone (without any -wal beside it) a whole tsunagi
 * database this program can open?  Checks the SQLite header,
 * integrity_check and the schema version (not newer than this program's;
 * *schema gets it). */
int backup_check(const char *path, int *schema, tsu_err *e);

/*
 * Replace the database at db_path with the backup at from.  The backup
 * (with its -wal, as a copy made with cp has one) is copied into a private
 * file beside db_path, its WAL folded in there, and that copy is checked
 * (*schema gets its version) and installed; from is only read.  A
 * database another connection has open is refused (its WAL readers hold
 * a shared lock, so leaving WAL mode with an exclusive lock fails).  The replaced file is kept as
 * "<db_path>.replaced-YYYY-MM-DD" (with "-2", "-3"... when taken) and its
 * name returned in *kept (caller frees; NULL when there was no database).
 */
int backup_restore(const char *from, const char *db_path, date_t today,
		   char **kept, int *schema, tsu_err *e);

#endif
