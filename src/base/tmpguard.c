/*
 * tmpguard.c - temporary copies that do not outlive an interruption
 * (see tmpguard.h).
 */
#include <dirent.h>
#include <fcntl.h>
#include <libgen.h>
#include <signal.h>
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
	if (n < 7 || strspn(name + n - 6, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789") < 6)
		return 0;
	for (int k = 0; k < 2; k++) {
		size_t w = strlen(kind[k]);
		if (n > w + 6 && strncmp(name + n - 6 - w, kind[k], w) == 0)
			return n;
	}
	return 0;
}

bool tmp_is_ours_name(const char *name)
{
	return base_len(name) > 0;
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

		if (!n)
			continue;
		path = xasprintf("%s/%s", dir, de->d_name);
		base = xasprintf("%s/%.*s", dir, (int)n, de->d_name);
		if (stale(path, base)) {
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
	(void)arg;
	unlink(path);
}

int tmp_clean_stale(const char *db_path)
{
	char *copy = xstrdup(db_path);
	int n = tmp_stale(dirname(copy), remove_one, NULL);

	free(copy);
	return n;
}
