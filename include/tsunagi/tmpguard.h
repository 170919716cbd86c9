/*
 * tmpguard.h - temporary copies that do not outlive an interruption.
 *
 * backup, restore and exports write a whole copy to "NAME.tmpXXXXXX" or
 * "DB.restoreXXXXXX" (mkstemp) and rename it into place.  A copy may keep
 * clients deleted since, so it must not be left behind: while one is
 * guarded, SIGINT, SIGTERM and SIGHUP remove it (and its -journal, -wal,
 * -shm) before the signal takes its usual course.  A guarded copy also
 * holds an flock(2) lock, so a copy left by kill -9 is told from one in
 * use: tmp_stale finds the unlocked ones in a directory.
 */
#ifndef TSUNAGI_TMPGUARD_H
#define TSUNAGI_TMPGUARD_H

#include <stdbool.h>

/* Guard the temporary file path (just made by mkstemp).  Returns a slot
 * for tmp_release, or -1 when all slots are taken (still usable, only
 * unguarded). */
int tmp_guard(const char *path);
/* The copy was renamed into place or removed: stop guarding it. */
void tmp_release(int slot);

/* Is name (no directory) one of our temporary copies or its journal? */
bool tmp_is_ours_name(const char *name);
/* Call fn for every temporary copy of ours in dir that is regular, owned
 * by the effective user, older than a minute and not locked by a running
 * tsunagi.  Returns how many were found. */
int tmp_stale(const char *dir, void (*fn)(const char *path, void *arg), void *arg);
/* Remove the stale copies (and $EDITOR directories) in the directory of
 * db_path; returns how many. */
int tmp_clean_stale(const char *db_path);

/*
 * $EDITOR's directory: "DB.editXXXXXX" beside the database, 0700, so the
 * editor's file and its swap and backup files stay in the data
 * directory.  *lock is an fd holding a lock on it (close it after
 * tmp_remove_tree); a directory left by kill -9 is stale for tmp_stale
 * once its lock is free.  NULL with strerror in err when it cannot be
 * made.
 */
char *tmp_edit_dir(const char *db_path, int *lock, char *err, size_t errlen);
/* Remove the directory and everything in it (no symlink followed). */
int tmp_remove_tree(const char *path);

#endif
