/*
 * tmpguard.c - temporary copies that do not outlive an interruption
 * (see tmpguard.h).
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "tsunagi/tmpguard.h"
#include "tsunagi/xalloc.h"

enum { SLOTS = 4, NAMES = 4 };

static const char *const companion[NAMES] = { "", "-journal", "-wal", "-shm" };
static const int guarded_signal[] = { SIGINT, SIGTERM, SIGHUP };

/* Built before a slot is marked used, so the handler only reads. */
static char *names[SLOTS][NAMES];
static int lock_fd[SLOTS] = { -1, -1, -1, -1 };
static volatile sig_atomic_t used[SLOTS];
static struct sigaction saved[3];
static int active;

static void on_signal(int sig)
{
	for (int i = 0; i < SLOTS; i++)
		if (used[i])
			for (int k = 0; k < NAMES; k++)
				unlink(names[i][k]);
	for (int i = 0; i < 3; i++)
		if (guarded_signal[i] == sig)
			sigaction(sig, &saved[i], NULL);
	raise(sig);
}

/* A signal that was ignored (nohup, a background job) stays ignored. */
static void install(void)
{
	struct sigaction sa = { 0 };

	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	for (int i = 0; i < 3; i++) {
		sigaction(guarded_signal[i], NULL, &saved[i]);
		if (saved[i].sa_handler != SIG_IGN)
			sigaction(guarded_signal[i], &sa, NULL);
	}
}

static void uninstall(void)
{
	for (int i = 0; i < 3; i++)
		sigaction(guarded_signal[i], &saved[i], NULL);
}

int tmp_guard(const char *path)
{
	for (int i = 0; i < SLOTS; i++) {
		if (used[i])
			continue;
		for (int k = 0; k < NAMES; k++)
			names[i][k] = xasprintf("%s%s", path, companion[k]);
		lock_fd[i] = open(path, O_RDONLY | O_CLOEXEC);
		if (lock_fd[i] >= 0)
			flock(lock_fd[i], LOCK_EX | LOCK_NB);
		if (active++ == 0)
			install();
		used[i] = 1;
		return i;
	}
	return -1;
}

void tmp_release(int slot)
{
	if (slot < 0 || slot >= SLOTS || !used[slot])
		return;
	used[slot] = 0;
	if (--active == 0)
		uninstall();
	if (lock_fd[slot] >= 0)
		close(lock_fd[slot]);
	lock_fd[slot] = -1;
	for (int k = 0; k < NAMES; k++)
		x_free(&names[slot][k]);
}

static const char alnum[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/* ".tmp" or ".restore", then mkstemp's six letters or digits. */
static size_t base_len(const char *name)
{
	const char *kind[] = { ".tmp", ".restore" };
	size_t n = strlen(name);

	for (int k = 1; k < NAMES; k++) {
		size_t c = strlen(companion[k]);
		if (n > c && strcmp(name + n - c, companion[k]) == 0) {
			n -= c;
			break;
		}
	}
	if (n < 7 || strspn(name + n - 6, alnum) < 6)
		return 0;
	for (int k = 0; k < 2; k++) {
		size_t w = strlen(kind[k]);
		if (n > w + 6 && strncmp(name + n - 6 - w, kind[k], w) == 0)
			return n;
	}
	return 0;
}

/* "NAME.editXXXXXX": an $EDITOR directory (tmp_edit_dir). */
static bool edit_dir_name(const char *name)
{
	size_t n = strlen(name);

	return n > 11 && strncmp(name + n - 11, ".edit", 5) == 0 && strspn(name + n - 6, alnum) == 6;
}

bool tmp_is_ours_name(const char *name)
{
	return base_len(name) > 0 || edit_dir_name(name);
}

/* Ours, regular, a minute old and no running tsunagi holds the lock of
 * the copy it belongs to (base, itself or a journal of it). */
static bool stale(const char *path, const char *base)
{
	struct stat sb;
	int fd;
	bool free_lock;

	if (lstat(path, &sb) != 0 || !S_ISREG(sb.st_mode) || sb.st_uid != geteuid() ||
	    sb.st_mtime > time(NULL) - 60)
		return false;
	if ((fd = open(base, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)) < 0)
		return true;
	free_lock = flock(fd, LOCK_EX | LOCK_NB) == 0;
	close(fd);
	return free_lock;
}

/* An $EDITOR directory of ours, a minute old, whose tsunagi is gone
 * (it holds a lock on the directory while the editor runs). */
static bool stale_dir(const char *path)
{
	struct stat sb;
	int fd;
	bool free_lock;

	if (lstat(path, &sb) != 0 || !S_ISDIR(sb.st_mode) || sb.st_uid != geteuid() ||
	    sb.st_mtime > time(NULL) - 60)
		return false;
	if ((fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW)) < 0)
		return false;
	free_lock = flock(fd, LOCK_EX | LOCK_NB) == 0;
	close(fd);
	return free_lock;
}

int tmp_stale(const char *dir, void (*fn)(const char *path, void *arg), void *arg)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	int found = 0;

	if (!d)
		return 0;
	while ((de = readdir(d))) {
		size_t n = base_len(de->d_name);
		char *path, *base;

		if (!n && !edit_dir_name(de->d_name))
			continue;
		path = xasprintf("%s/%s", dir, de->d_name);
		base = xasprintf("%s/%.*s", dir, (int)n, de->d_name);
		if (n ? stale(path, base) : stale_dir(path)) {
			fn(path, arg);
			found++;
		}
		free(path);
		free(base);
	}
	closedir(d);
	return found;
}

static void remove_one(const char *path, void *arg)
{
	struct stat sb;

	if (lstat(path, &sb) == 0 && S_ISDIR(sb.st_mode))
		tmp_remove_tree(path);
	else
		unlink(path);
}

/* Remove what is in the directory fd (closed here), depth levels deep. */
static int remove_in(int fd, int depth)
{
	DIR *d = fdopendir(fd);
	struct dirent *de;
	int bad = 0;

	if (!d) {
		close(fd);
		return -1;
	}
	while ((de = readdir(d))) {
		struct stat sb;
		int sub;

		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		if (fstatat(dirfd(d), de->d_name, &sb, AT_SYMLINK_NOFOLLOW) != 0)
			continue;
		if (!S_ISDIR(sb.st_mode)) {
			bad |= unlinkat(dirfd(d), de->d_name, 0);
			continue;
		}
		sub = depth > 0 ? openat(dirfd(d), de->d_name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC) : -1;
		if (sub < 0 || remove_in(sub, depth - 1) != 0)
			bad = -1;
		bad |= unlinkat(dirfd(d), de->d_name, AT_REMOVEDIR);
	}
	closedir(d);
	return bad ? -1 : 0;
}

int tmp_remove_tree(const char *path)
{
	int fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);

	if (fd < 0)
		return -1;
	if (remove_in(fd, 16) != 0) {
		rmdir(path);
		return -1;
	}
	return rmdir(path);
}

char *tmp_edit_dir(const char *db_path, int *lock, char *err, size_t errlen)
{
	char *dir = xasprintf("%s.editXXXXXX", db_path);

	*lock = -1;
	if (!mkdtemp(dir)) {        /* mkdtemp makes it 0700 */
		snprintf(err, errlen, "%s", strerror(errno));
		free(dir);
		return NULL;
	}
	/* Held while the editor runs: tmp_stale leaves the directory of a
	 * running tsunagi alone. */
	if ((*lock = open(dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)) >= 0)
		flock(*lock, LOCK_EX | LOCK_NB);
	return dir;
}

int tmp_clean_stale(const char *db_path)
{
	char *copy = xstrdup(db_path);
	int n = tmp_stale(dirname(copy), remove_one, NULL);

	free(copy);
	return n;
}
