/*
 * faultshim.c - an LD_PRELOAD library that makes file writes and syncs
 * fail, for the I/O fault tests (s_faults.sh).
 *
 *   FAULT_PATH=PREFIX   only fds whose file path starts with PREFIX are hit
 *                       (default: every fd that is not a terminal); a
 *                       trailing '$' asks for the exact path
 *   FAULT_CALLS=LIST    which calls: write,pwrite,fsync,fdatasync (default all;
 *                       writev, pwrite64 count as write/pwrite)
 *   FAULT_ERRNO=EIO|ENOSPC          the error (default EIO)
 *   FAULT_AT=N          fail from the Nth matching call on (1-based) ...
 *   FAULT_COUNT=K       ... for K calls (default 1; -1 = for ever)
 *   FAULT_FLAG=FILE     or instead: fail every matching call while FILE
 *                       exists (so a test can start and clear the fault
 *                       while the program runs)
 *   FAULT_LOG=FILE      append one line per failed call (call and path)
 *
 * Terminals are never hit: the user must see the message.  With a
 * sanitizer build, put the sanitizer runtime first:
 *   LD_PRELOAD=$(gcc -print-file-name=libasan.so):faultshim.so
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

static long calls;

static int want(const char *call)
{
	const char *list = getenv("FAULT_CALLS");
	size_t n = strlen(call);

	if (!list || !*list)
		return 1;
	for (const char *p = list; (p = strstr(p, call)) != NULL; p += n)
		if ((p == list || p[-1] == ',') && (p[n] == ',' || p[n] == '\0'))
			return 1;
	return 0;
}

static int fd_matches(int fd, char *path, size_t len)
{
	char link[64];
	const char *prefix = getenv("FAULT_PATH");
	ssize_t r;

	if (isatty(fd))
		return 0;
	snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
	r = readlink(link, path, len - 1);
	path[r > 0 ? r : 0] = '\0';
	if (!prefix || !*prefix)
		return 1;
	size_t n = strlen(prefix);
	if (prefix[n - 1] == '$')
		return r > 0 && (size_t)r == n - 1 && strncmp(path, prefix, n - 1) == 0;
	return r > 0 && strncmp(path, prefix, n) == 0;
}

/* Should this call fail?  Sets errno when it should. */
static int fault(const char *call, int fd)
{
	char path[4096];
	const char *flag = getenv("FAULT_FLAG"), *v;
	int hit, saved = errno;

	if (!want(call) || !fd_matches(fd, path, sizeof path)) {
		errno = saved;
		return 0;
	}
	if (flag && *flag) {
		hit = access(flag, F_OK) == 0;
	} else {
		long at = (v = getenv("FAULT_AT")) ? atol(v) : 0;
		long count = (v = getenv("FAULT_COUNT")) ? atol(v) : 1;
		calls++;
		hit = at > 0 && calls >= at && (count < 0 || calls < at + count);
	}
	if (!hit) {
		errno = saved;
		return 0;
	}
	if ((v = getenv("FAULT_LOG")) != NULL) {
		int lfd = open(v, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
		if (lfd >= 0) {
			char line[4200];
			int n = snprintf(line, sizeof line, "%s %s\n", call, path);
			ssize_t (*real_write)(int, const void *, size_t) =
				(ssize_t (*)(int, const void *, size_t))dlsym(RTLD_NEXT, "write");
			if (n > 0 && real_write)
				real_write(lfd, line, (size_t)n);
			close(lfd);
		}
	}
	v = getenv("FAULT_ERRNO");
	errno = v && strcmp(v, "ENOSPC") == 0 ? ENOSPC : EIO;
	return 1;
}

#define REAL(name) \
	static __typeof__(&name) real_##name; \
	if (!real_##name) \
		real_##name = (__typeof__(&name))dlsym(RTLD_NEXT, #name)

ssize_t write(int fd, const void *buf, size_t n)
{
	REAL(write);
	if (fault("write", fd))
		return -1;
	return real_write(fd, buf, n);
}

ssize_t writev(int fd, const struct iovec *iov, int cnt)
{
	REAL(writev);
	if (fault("write", fd))
		return -1;
	return real_writev(fd, iov, cnt);
}

ssize_t pwrite(int fd, const void *buf, size_t n, off_t off)
{
	REAL(pwrite);
	if (fault("pwrite", fd))
		return -1;
	return real_pwrite(fd, buf, n, off);
}

ssize_t pwrite64(int fd, const void *buf, size_t n, off_t off)
{
	REAL(pwrite64);
	if (fault("pwrite", fd))
		return -1;
	return real_pwrite64(fd, buf, n, off);
}

int fsync(int fd)
{
	REAL(fsync);
	if (fault("fsync", fd))
		return -1;
	return real_fsync(fd);
}

int fdatasync(int fd)
{
	REAL(fdatasync);
	if (fault("fdatasync", fd))
		return -1;
	return real_fdatasync(fd);
}
