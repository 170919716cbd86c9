/*
 * crashdrv.c - the crash trials: run tsunagi commands that write, kill
 * them with SIGKILL at a random moment of their life, and after every
 * trial check that the database passes PRAGMA integrity_check, that every
 * record whose command printed its id (i.e. reported success) is there
 * with its text, and that a bulk import is all or nothing.
 *
 *   crashdrv TSUNAGI_BIN DIR TRIALS [SEED]
 *
 * The delay before the kill is uniform over 0..1.3x the command's measured
 * run time, so kills land everywhere from exec to exit (and some trials
 * finish).  Some trials run two writers at once and kill one; some create
 * a new database and are killed during creation and migration.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define BULK 150

struct ack { char kind; long long id; char text[64]; };

static const char *bin, *dir;
static char db[4096];
static struct ack *acks;
static size_t nacks, capacks;
static long long cal_us[4];

static long long now_us(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

static void die(const char *fmt, const char *a)
{
	fprintf(stderr, "crash: FAIL: ");
	fprintf(stderr, fmt, a);
	fputc('\n', stderr);
	exit(1);
}

struct child { pid_t pid; int out; };

/* Start BIN --db PATH ARGS... with stdout to a pipe. */
static struct child spawn(const char *path, char *const args[])
{
	int p[2];
	struct child c;
	char *argv[32];
	int n = 0;

	if (pipe(p) != 0)
		die("pipe: %s", strerror(errno));
	argv[n++] = (char *)bin;
	argv[n++] = "--db";
	argv[n++] = (char *)path;
	for (int i = 0; args[i]; i++)
		argv[n++] = args[i];
	argv[n] = NULL;
	c.pid = fork();
	if (c.pid < 0)
		die("fork: %s", strerror(errno));
	if (c.pid == 0) {
		int nul = open("/dev/null", O_WRONLY);
		dup2(p[1], 1);
		dup2(nul, 2);
		close(p[0]);
		close(p[1]);
		execv(bin, argv);
		_exit(127);
	}
	close(p[1]);
	c.out = p[0];
	return c;
}

/* Wait for the child; return its stdout (static buffer) and status. */
static const char *reap(struct child c, int *status)
{
	static char buf[2][4096];
	static int which;
	char *b = buf[which ^= 1];
	size_t len = 0;
	ssize_t r;

	while ((r = read(c.out, b + len, sizeof buf[0] - 1 - len)) > 0)
		len += (size_t)r;
	b[len] = '\0';
	close(c.out);
	while (waitpid(c.pid, status, 0) < 0 && errno == EINTR)
		;
	return b;
}

static void pause_us(long long us)
{
	struct timespec ts = { us / 1000000, (us % 1000000) * 1000 };
	while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
		;
}

static void add_ack(char kind, long long id, const char *text)
{
	if (nacks == capacks) {
		capacks = capacks ? capacks * 2 : 256;
		acks = realloc(acks, capacks * sizeof *acks);
		if (!acks)
			die("%s", "out of memory");
	}
	acks[nacks].kind = kind;
	acks[nacks].id = id;
	snprintf(acks[nacks].text, sizeof acks[nacks].text, "%s", text);
	nacks++;
}

/* An id printed on its own line means the command reported success. */
static long long printed_id(const char *out)
{
	char *end;
	long long id = strtoll(out, &end, 10);
	return (end != out && *end == '\n' && id > 0) ? id : 0;
}

static sqlite3 *open_check(const char *path)
{
	sqlite3 *h;
	sqlite3_stmt *st;
	const char *res;

	if (sqlite3_open_v2(path, &h, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
		die("cannot open %s", path);
	sqlite3_busy_timeout(h, 5000);
	if (sqlite3_prepare_v2(h, "PRAGMA integrity_check", -1, &st, NULL) != SQLITE_OK)
		die("integrity_check: %s", sqlite3_errmsg(h));
	if (sqlite3_step(st) != SQLITE_ROW)
		die("integrity_check: %s", sqlite3_errmsg(h));
	res = (const char *)sqlite3_column_text(st, 0);
	if (!res || strcmp(res, "ok") != 0)
		die("integrity_check says: %s", res ? res : "(null)");
	sqlite3_finalize(st);
	return h;
}

static long long count(sqlite3 *h, const char *sql, long long id, const char *text)
{
	sqlite3_stmt *st;
	long long n = -1;

	if (sqlite3_prepare_v2(h, sql, -1, &st, NULL) != SQLITE_OK)
		die("verify: %s", sqlite3_errmsg(h));
	if (id)
		sqlite3_bind_int64(st, 1, id);
	if (text)
		sqlite3_bind_text(st, id ? 2 : 1, text, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

static void verify(int trial)
{
	sqlite3 *h = open_check(db);
	char like[80];

	for (size_t i = 0; i < nacks; i++) {
		const struct ack *a = &acks[i];
		long long n;
		if (a->kind == 'n')
			n = count(h, "SELECT count(*) FROM note WHERE id = ?1 AND fact = ?2", a->id, a->text);
		else if (a->kind == 'c')
			n = count(h, "SELECT count(*) FROM client WHERE id = ?1 AND name = ?2", a->id, a->text);
		else {
			snprintf(like, sizeof like, "%s-%%", a->text);
			n = count(h, "SELECT count(*) = " "150" " FROM client WHERE name LIKE ?1", 0, like);
		}
		if (n != 1) {
			fprintf(stderr, "crash: FAIL after trial %d: acknowledged %c #%lld '%s' is missing\n",
				trial, a->kind, a->id, a->text);
			exit(1);
		}
	}
	/* Every bulk import is all or nothing, acknowledged or not. */
	if (count(h, "SELECT count(*) FROM (SELECT substr(name, 1, instr(name, '-')) AS k, count(*) AS n"
		     " FROM client WHERE name LIKE 'bulk%' GROUP BY k HAVING n <> 150)", 0, NULL) != 0) {
		fprintf(stderr, "crash: FAIL after trial %d: a bulk import was half-written\n", trial);
		exit(1);
	}
	sqlite3_close(h);
}

static void write_bulk_csv(const char *path, int trial)
{
	FILE *f = fopen(path, "w");
	if (!f)
		die("cannot write %s", path);
	fprintf(f, "氏名,フリガナ,生年月日\n");
	for (int i = 0; i < BULK; i++)
		fprintf(f, "bulk%d-%d,ばるく,1970-01-01\n", trial, i);
	fclose(f);
}

/* Argument vectors for each kind of writer; text is per trial. */
static void args_for(int kind, int trial, int k, char *text, size_t tlen, char **args, char *csv)
{
	int n = 0;
	switch (kind) {
	case 0:
		snprintf(text, tlen, "crash-%d-%d", trial, k);
		args[n++] = "note"; args[n++] = "add"; args[n++] = "1";
		args[n++] = "--on"; args[n++] = "2026-11-20"; args[n++] = "--kind";
		args[n++] = "phone"; args[n++] = "--text"; args[n++] = text;
		break;
	case 1:
		snprintf(text, tlen, "試験 %d-%d", trial, k);
		args[n++] = "client"; args[n++] = "add"; args[n++] = "--name"; args[n++] = text;
		args[n++] = "--kana"; args[n++] = "しけん"; args[n++] = "--birth"; args[n++] = "1980-01-01";
		break;
	default:
		snprintf(text, tlen, "bulk%d", trial);
		write_bulk_csv(csv, trial);
		args[n++] = "import"; args[n++] = "clients"; args[n++] = csv;
		break;
	}
	args[n] = NULL;
}

static void record_ack(int kind, const char *out, const char *text, int status)
{
	long long id;

	if (kind == 2) {
		if (WIFEXITED(status) && WEXITSTATUS(status) == 0 && strstr(out, "imported 150"))
			add_ack('b', 1, text);
		return;
	}
	id = printed_id(out);
	if (id)
		add_ack(kind == 0 ? 'n' : 'c', id, text);
}

static long long calibrate(int kind, char *csv)
{
	char text[64], *args[16];
	int st;
	long long t0 = now_us();

	args_for(kind, 0, 0, text, sizeof text, args, csv);
	const char *out = reap(spawn(db, args), &st);
	if (!WIFEXITED(st) || WEXITSTATUS(st) != 0)
		die("calibration run failed: %s", out);
	record_ack(kind, out, text, st);
	return now_us() - t0;
}

int main(int argc, char **argv)
{
	char csv[4096], fresh[4096], text[2][64], *args[2][16];
	int trials, st, fresh_n = 0, acked = 0, killed = 0;
	unsigned seed;

	if (argc < 4) {
		fprintf(stderr, "usage: crashdrv TSUNAGI_BIN DIR TRIALS [SEED]\n");
		return 2;
	}
	bin = argv[1];
	dir = argv[2];
	trials = atoi(argv[3]);
	seed = argc > 4 ? (unsigned)strtoul(argv[4], NULL, 10) : (unsigned)time(NULL);
	srand(seed);
	fprintf(stderr, "crash: seed %u (give it as SEED to repeat these trials)\n", seed);
	snprintf(db, sizeof db, "%s/crash.db", dir);
	snprintf(csv, sizeof csv, "%s/bulk.csv", dir);

	/* Client 1 for the notes; then time each kind of writer. */
	cal_us[1] = calibrate(1, csv);
	cal_us[0] = calibrate(0, csv);
	cal_us[2] = calibrate(2, csv);
	cal_us[3] = cal_us[1];
	verify(0);

	for (int t = 1; t <= trials; t++) {
		int kind = rand() % 10;
		struct child c[2];
		const char *out;
		long long delay;

		kind = kind < 5 ? 0 : kind < 7 ? 1 : kind < 8 ? 2 : 3;
		if (kind == 3 && (fresh_n++ % 2) == 0) {
			/* A new database killed while it is being made. */
			snprintf(fresh, sizeof fresh, "%s/fresh-%d.db", dir, t);
			args_for(1, t, 0, text[0], sizeof text[0], args[0], csv);
			c[0] = spawn(fresh, args[0]);
			pause_us(rand() % (cal_us[1] * 13 / 10 + 1));
			kill(c[0].pid, SIGKILL);
			out = reap(c[0], &st);
			/* Whatever happened, tsunagi must open it again. */
			c[0] = spawn(fresh, (char *[]){ "client", "list", NULL });
			reap(c[0], &st);
			if (!WIFEXITED(st) || WEXITSTATUS(st) != 0)
				die("a database killed while being created does not open again: %s", fresh);
			sqlite3_close(open_check(fresh));
			unlink(fresh);
			continue;
		}
		if (kind == 3) {
			/* Two writers at once; one is killed. */
			args_for(0, t, 0, text[0], sizeof text[0], args[0], csv);
			args_for(1, t, 1, text[1], sizeof text[1], args[1], csv);
			c[0] = spawn(db, args[0]);
			c[1] = spawn(db, args[1]);
			pause_us(rand() % (cal_us[0] * 2 + 1));
			kill(c[rand() % 2].pid, SIGKILL);
			out = reap(c[0], &st);
			record_ack(0, out, text[0], st);
			acked += printed_id(out) != 0;
			out = reap(c[1], &st);
			record_ack(1, out, text[1], st);
			acked += printed_id(out) != 0;
			killed++;
			verify(t);
			continue;
		}
		args_for(kind, t, 0, text[0], sizeof text[0], args[0], csv);
		delay = rand() % (cal_us[kind] * 13 / 10 + 1);
		c[0] = spawn(db, args[0]);
		pause_us(delay);
		kill(c[0].pid, SIGKILL);
		out = reap(c[0], &st);
		if (WIFSIGNALED(st))
			killed++;
		size_t before = nacks;
		record_ack(kind, out, text[0], st);
		acked += nacks > before;
		verify(t);
	}
	printf("crash: %d trials (seed %u): %d killed mid-run, %d acknowledged in them, "
	       "%zu acknowledged records all present, integrity ok\n",
	       trials, seed, killed, acked, nacks);
	free(acks);
	return 0;
}
