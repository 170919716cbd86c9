/*
 * replay.c - runs a fuzzer's LLVMFuzzerTestOneInput over files, without
 * libFuzzer, so `make check` can replay the seed corpus and every crash
 * ever found with the normal compiler and sanitizers.  Each input runs in
 * its own child process: a crash is counted and named, and the rest
 * still run.  Arguments are files or directories (dot files skipped).
 * The last line is "replay NAME: P passed, F failed"; the exit status is
 * 1 when any input failed.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int passed, failed;

static void run_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	uint8_t *buf = NULL;
	size_t len = 0, cap = 0, n;
	pid_t pid;
	int status;

	if (!f) {
		fprintf(stderr, "replay: cannot read %s\n", path);
		failed++;
		return;
	}
	do {
		if (len == cap) {
			cap = cap ? cap * 2 : 4096;
			buf = realloc(buf, cap);
			if (!buf)
				abort();
		}
		n = fread(buf + len, 1, cap - len, f);
		len += n;
	} while (n > 0);
	fclose(f);
	fflush(NULL);
	pid = fork();
	if (pid == 0) {
		/* An exact-size copy, so reading past the end is caught. */
		uint8_t *exact = malloc(len ? len : 1);
		if (len)
			memcpy(exact, buf, len);
		LLVMFuzzerTestOneInput(exact, len);
		free(exact);
		free(buf);
		_exit(0);
	}
	free(buf);
	if (pid < 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		fprintf(stderr, "replay: FAILED on %s\n", path);
		failed++;
	} else {
		passed++;
	}
}

static void run_path(const char *path)
{
	struct stat sb;
	struct dirent **list;
	int n;

	if (stat(path, &sb) != 0) {
		fprintf(stderr, "replay: no such file or directory %s\n", path);
		failed++;
		return;
	}
	if (!S_ISDIR(sb.st_mode)) {
		run_file(path);
		return;
	}
	n = scandir(path, &list, NULL, alphasort);
	for (int i = 0; i < n; i++) {
		if (list[i]->d_name[0] != '.') {
			size_t len = strlen(path) + strlen(list[i]->d_name) + 2;
			char *p = malloc(len);
			if (!p)
				abort();
			snprintf(p, len, "%s/%s", path, list[i]->d_name);
			run_path(p);
			free(p);
		}
		free(list[i]);
	}
	if (n >= 0)
		free(list);
}

int main(int argc, char **argv)
{
	const char *name = strrchr(argv[0], '/') ? strrchr(argv[0], '/') + 1 : argv[0];

	for (int i = 1; i < argc; i++)
		run_path(argv[i]);
	printf("replay %s: %d passed, %d failed\n", name, passed, failed);
	return failed ? 1 : 0;
}
