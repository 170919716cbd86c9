/*
 * app.c - the UI's shell: terminal setup and restore, the one loop that
 * reads a key, dispatches it through the key table and draws once, the
 * title and status lines, the too-small notice, idle privacy, and the
 * orderly end on SIGHUP, SIGTERM or a dead terminal (drafts first).
 *
 * Signal handlers only set a flag; the loop sees it when get_wch is
 * interrupted.  While idle the loop blocks in get_wch (with a timeout
 * only as long as the privacy timer needs), so nothing is sent to the
 * terminal and no CPU is used.
 */
#include <curses.h>
#include <errno.h>
#include <langinfo.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <termios.h>
#include <time.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tsunagi/i18n.h"
#include "tsunagi/store_draft.h"
#include "tsunagi/text.h"
#include "tsunagi/ui.h"
#include "tsunagi/ui_app.h"
#include "tsunagi/xalloc.h"

enum { MIN_COLS = 80, MIN_ROWS = 24 };

static volatile sig_atomic_t got_signal;

static void on_signal(int sig)
{
	got_signal = sig;
}

/* The day's integrity check runs as our child after the first frame;
 * SIGCHLD wakes get_wch so its result is shown at once and the child is
 * reaped (no zombie).  If the UI ends first, the check goes on alone. */
static volatile sig_atomic_t got_child;

static void on_child(int sig)
{
	got_child = 1;
}

static void start_check(ui_app *app, pid_t *pid)
{
	struct sigaction sa = { 0 };

	if (!db_check_due(app->db))
		return;
	sa.sa_handler = on_child;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = SA_NOCLDSTOP;     /* no SA_RESTART: get_wch must return */
	sigaction(SIGCHLD, &sa, NULL);
	*pid = app->host->start_check(app->host->arg);
}

/* The check has ended: reap it, and show what it found. */
static void check_ended(ui_app *app, pid_t *pid)
{
	char res[200];

	if (*pid <= 0 || waitpid(*pid, NULL, WNOHANG) != *pid)
		return;
	*pid = 0;
	if (db_check_problem(app->db, res, sizeof res)) {
		snprintf(app->damage, sizeof app->damage,
			 _("the database is damaged (%s); save nothing more, quit and restore a backup with 'tsunagi restore FILE'"), res);
		ui_error(app, "%s", app->damage);
	}
}

/*
 * How long without a key before the privacy screen: the config's
 * idle_minutes, or TSUNAGI_IDLE_SECONDS when set.  That variable is for
 * tests only (the stress suite checks the privacy screen without waiting
 * minutes); -1 means never.
 */
static int idle_timeout_ms(const ui_app *app)
{
	const char *env = getenv("TSUNAGI_IDLE_SECONDS");
	char *end;
	long v;

	if (env && *env) {
		v = strtol(env, &end, 10);
		if (*end == '\0' && v >= 0 && v <= 86400)
			return v > 0 ? (int)v * 1000 : -1;
	}
	return app->cfg.idle_minutes > 0 ? app->cfg.idle_minutes * 60000 : -1;
}

static long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* ---- colours ---- */

int ui_color(const ui_app *app, int pair)
{
	if (app->colors)
		return (int)(COLOR_PAIR(pair) | (pair == UI_C_OVERDUE || pair == UI_C_ERROR ? A_BOLD : 0));
	switch (pair) {
	case UI_C_OVERDUE: return (int)A_BOLD;
	case UI_C_TITLE: return (int)A_REVERSE;
	case UI_C_ERROR: return (int)A_BOLD;
	default: return (int)A_NORMAL;
	}
}

static void init_colors(ui_app *app)
{
	const char *no = getenv("NO_COLOR");

	app->colors = false;
	if (!has_colors() || (no && *no))
		return;
	if (start_color() != OK)
		return;
	use_default_colors();
	init_pair(UI_C_OVERDUE, COLOR_RED, -1);
	init_pair(UI_C_DUE, COLOR_YELLOW, -1);
	init_pair(UI_C_UPCOMING, COLOR_GREEN, -1);
	init_pair(UI_C_TITLE, COLOR_WHITE, COLOR_BLUE);
	init_pair(UI_C_ERROR, COLOR_RED, -1);
	app->colors = true;
}

/* ---- the screen stack ---- */

static void screen_resize(ui_app *app, ui_screen *s)
{
	if (s->ops->resize)
		s->ops->resize(app, s);
	else
		ui_list_screen_resize(app, s);
}


static ui_screen *top(ui_app *app)
{
	return app->depth ? &app->stack[app->depth - 1] : NULL;
}

void ui_push(ui_app *app, ui_screen s)
{
	if (!s.ops)
		return;
	if (app->depth == UI_STACK_MAX) {
		/* Keep the root; the oldest screen above it gives way. */
		ui_screen *old = &app->stack[1];
		if (old->ops->save_draft)
			old->ops->save_draft(app, old);
		old->ops->close(app, old);
		memmove(&app->stack[1], &app->stack[2], (UI_STACK_MAX - 2) * sizeof app->stack[0]);
		app->depth--;
	}
	app->stack[app->depth++] = s;
	screen_resize(app, &app->stack[app->depth - 1]);
	app->redraw_all = true;
}

void ui_pop(ui_app *app)
{
	ui_screen *s = top(app);

	if (!s)
		return;
	s->ops->close(app, s);
	app->depth--;
	if (app->depth == 0) {
		app->quit = true;
		return;
	}
	s = top(app);
	screen_resize(app, s);
	if (s->ops->resume)
		s->ops->resume(app, s);
	app->redraw_all = true;
}

static void goto_root(ui_app *app, ui_screen s)
{
	if (!s.ops)
		return;
	while (app->depth > 0) {
		ui_screen *t = top(app);
		if (t->ops->save_draft)
			t->ops->save_draft(app, t);
		t->ops->close(app, t);
		app->depth--;
	}
	ui_push(app, s);
}

/* ---- drawing ---- */

/* The title line: the screen's name on the left, today's date on the
 * right always, and the office and worker between them as far as they
 * fit (cut with "…"): the date is what a worker looks up most. */
static void draw_title(ui_app *app, ui_screen *s)
{
	char date[64], iso[DATE_ISO_LEN], era[DATE_WAREKI_LEN];
	int attr = ui_color(app, UI_C_TITLE) | A_BOLD;
	int lw, dw, room;
	char *left, *who;

	date_format_iso(app->today, iso);
	date_format_wareki_short(app->today, era, sizeof era);
	snprintf(date, sizeof date, "%s (%s) ", iso, era);
	left = xasprintf(" tsunagi | %s", _(s->ops->name));
	who = xasprintf("%s%s%s", app->cfg.office,
			app->cfg.office[0] && app->cfg.worker[0] ? " / " : "", app->cfg.worker);
	wattron(stdscr, attr);
	dw = text_width(date);
	lw = text_width(left);
	if (dw > app->cols - 12)
		dw = 0;
	ui_put_raw(stdscr, 0, 0, app->cols - dw, left, true);
	if (dw)
		ui_put_raw(stdscr, 0, app->cols - dw, dw, date, true);
	room = app->cols - dw - (lw < app->cols / 2 ? lw : app->cols / 2) - 4;
	if (who[0] && dw && room >= 6) {
		int used, ww = text_width(who);
		char *cut = NULL;
		if (ww > room) {
			size_t n = text_fit(who, room - 1, &used);
			cut = xasprintf("%.*s…", (int)n, who);
			ww = used + 1;
		}
		ui_put(stdscr, 0, app->cols - dw - ww - 2, ww + 2, cut ? cut : who, true);
		free(cut);
	}
	wattroff(stdscr, attr);
	free(who);
	free(left);
}

static void draw_status(ui_app *app, ui_screen *s)
{
	int y = app->rows - 1;

	if (app->msg[0] || app->damage[0]) {
		/* Damage found by the day's check stays until the UI ends. */
		int attr = app->msg_error || !app->msg[0] ? ui_color(app, UI_C_ERROR) : (int)A_NORMAL;
		wattron(stdscr, attr);
		ui_put(stdscr, y, 0, app->cols, app->msg[0] ? app->msg : app->damage, true);
		wattroff(stdscr, attr);
		return;
	}
	{
		const ui_hint *h = ui_screen_hints(s);
		strbuf b;
		char key[16];

		sb_init(&b);
		for (; h && h->action != UA_NONE; h++) {
			ui_keys_first(&app->keys, h->action, s->ops->typing, key, sizeof key);
			if (!key[0])
				continue;
			sb_addf(&b, "%s%s:%s", b.len ? "  " : " ", key, _(h->label));
		}
		wattron(stdscr, A_DIM);
		ui_put_raw(stdscr, y, 0, app->cols, b.s ? b.s : "", true);
		wattroff(stdscr, A_DIM);
		sb_free(&b);
	}
}

static void draw_too_small(ui_app *app)
{
	char line[256];
	int y = 0;

	werase(stdscr);
	snprintf(line, sizeof line, _("The terminal is %dx%d; tsunagi needs at least %dx%d."),
		 app->cols, app->rows, MIN_COLS, MIN_ROWS);
	/* Fold to the width, character by character. */
	for (const char *p = line; *p && y < app->rows; y++) {
		size_t n = text_fit(p, app->cols, NULL);
		if (n == 0)
			break;
		mvwaddnstr(stdscr, y, 0, p, (int)n);
		p += n;
	}
	if (y + 1 < app->rows)
		ui_put_raw(stdscr, y + 1, 0, app->cols, _("Make the window larger."), false);
}

static void draw_privacy(ui_app *app)
{
	const char *lines[3];

	werase(stdscr);
	/* No number: "1 minutes" needs plurals, and tests shorten the time. */
	lines[0] = _("Hidden: no key was pressed for a while.");
	lines[1] = "";
	lines[2] = _("Press any key to show the screen again.");
	ui_box_draw(stdscr, lines, 3);
}

static void draw(ui_app *app)
{
	ui_screen *s = top(app);
	bool want_cursor = false;
	int cy = 0, cx = 0;

	if (!s)
		return;
	if (app->too_small || app->privacy) {
		if (app->redraw_all) {
			if (app->too_small)
				draw_too_small(app);
			else
				draw_privacy(app);
			leaveok(stdscr, TRUE);
			curs_set(0);
			wnoutrefresh(stdscr);
			doupdate();
		}
		app->redraw_all = app->status_dirty = false;
		return;
	}
	if (app->redraw_all) {
		werase(stdscr);
		draw_title(app, s);
		s->dirty |= UI_D_BODY;
		app->status_dirty = true;
	}
	if (!s->dirty && !app->status_dirty && !app->confirm_text)
		return;
	if (app->status_dirty)
		draw_status(app, s);
	if (s->dirty & UI_D_CLEAR)
		for (int y = app->body_y; y < app->body_y + app->body_h; y++) {
			wmove(stdscr, y, 0);
			wclrtoeol(stdscr);
		}
	if (s->dirty)
		s->ops->draw(app, s);
	s->dirty = 0;
	getyx(stdscr, cy, cx);
	want_cursor = s->ops->cursor && s->ops->cursor(s);
	if (app->confirm_text) {
		/* One line of the box per line of the question. */
		char *copy = xstrdup(app->confirm_text), *save = NULL;
		const char *lines[12];
		char yes[16], no[16], answers[128];
		size_t n = 0;

		for (char *t = strtok_r(copy, "\n", &save); t && n < 9; t = strtok_r(NULL, "\n", &save))
			lines[n++] = t;
		lines[n++] = "";
		/* The keys as bound (bind.yes, bind.no). */
		snprintf(answers, sizeof answers, _("%s: yes    %s: no"),
			 ui_keys_first(&app->keys, UA_YES, false, yes, sizeof yes),
			 ui_keys_first(&app->keys, UA_NO, false, no, sizeof no));
		lines[n++] = answers;
		ui_box_draw(stdscr, lines, n);
		free(copy);
		want_cursor = false;
	}
	leaveok(stdscr, want_cursor ? FALSE : TRUE);
	curs_set(want_cursor ? 1 : 0);
	if (want_cursor)
		wmove(stdscr, cy, cx);
	wnoutrefresh(stdscr);
	doupdate();
	app->redraw_all = app->status_dirty = false;
}

/* ---- input ---- */

static void resize(ui_app *app)
{
	getmaxyx(stdscr, app->rows, app->cols);
	app->too_small = app->cols < MIN_COLS || app->rows < MIN_ROWS;
	app->body_y = 1;
	app->body_h = app->rows - 2;
	if (!app->too_small)
		for (int i = 0; i < app->depth; i++)
			screen_resize(app, &app->stack[i]);
	app->redraw_all = true;
}

/* The actions every screen leaves to the app. */
static bool global_action(ui_app *app, ui_screen *s, ui_action a)
{
	switch (a) {
	case UA_HELP:
	case UA_FORM_HELP:
		ui_push(app, ui_help_screen(app, s));
		return true;
	case UA_BACK:
		ui_pop(app);
		return true;
	case UA_QUIT:
		app->quit = true;
		return true;
	case UA_ALARMS:
		goto_root(app, ui_alarms_screen(app));
		return true;
	case UA_CLIENTS:
		goto_root(app, ui_clients_screen(app));
		return true;
	case UA_CALENDAR:
		ui_push(app, ui_calendar_screen(app));
		return true;
	case UA_NOTES_SEARCH:
		ui_push(app, ui_notes_screen(app, 0));
		return true;
	case UA_PROVIDERS:
		ui_push(app, ui_providers_screen(app, NULL, NULL));
		return true;
	case UA_QUICK_NOTE:     /* needs a client: ui_dispatch saw one */
		ui_push(app, ui_quick_note(app, s->ops->client(s)));
		return true;
	case UA_SETTINGS:
		ui_push(app, ui_settings_screen(app));
		return true;
	case UA_BILLING:
		ui_push(app, ui_billing_screen(app, date_month(app->today) - 1));
		return true;
	case UA_STATS:
		ui_push(app, ui_stats_screen(app));
		return true;
	case UA_REDRAW:
		clearok(curscr, TRUE);
		app->redraw_all = true;
		return true;
	default:
		return false;
	}
}

void ui_handle_key(ui_app *app, ui_key k)
{
	ui_screen *s = top(app);
	ui_action a;

	if (app->privacy) {
		app->privacy = false;
		app->redraw_all = true;
		return;
	}
	if (app->msg[0]) {
		app->msg[0] = '\0';
		app->status_dirty = true;
	}
	if (app->too_small || !s || ui_confirm_key(app, k))
		return;
	a = ui_screen_action(app, s, k);
	if (!ui_dispatch(app, s, a, k))
		global_action(app, s, a);
}

char *ui_run_editor(ui_app *app, const char *text)
{
	ui_editor_run run = { .db_path = db_path(app->db), .stop = &got_signal };
	struct sigaction ign = { 0 }, old;
	char *out;

	ign.sa_handler = SIG_IGN;
	sigemptyset(&ign.sa_mask);
	/* C-c in the editor is the editor's, not a reason to leave. */
	sigaction(SIGINT, &ign, &old);
	def_prog_mode();
	endwin();
	out = ui_edit_external(text, &run);
	reset_prog_mode();
	sigaction(SIGINT, &old, NULL);
	clearok(curscr, TRUE);
	app->redraw_all = true;
	if (!out && run.err[0])
		ui_error(app, "%s", run.err);
	return out;
}

/* ---- start and end ---- */

/* A random id for this session: its drafts are its own (0013). */
static void make_session_id(ui_app *app)
{
	unsigned char r[16];
	struct timespec ts;
	size_t got = 0;
	ssize_t k;

	while (got < sizeof r && ((k = getrandom(r + got, sizeof r - got, 0)) > 0 || errno == EINTR))
		if (k > 0)
			got += (size_t)k;
	if (got < sizeof r) {
		/* No getrandom (an old kernel): unique enough on one machine. */
		clock_gettime(CLOCK_REALTIME, &ts);
		snprintf(app->session, sizeof app->session, "%08lx%08lx%016lx", (unsigned long)getpid(),
			 (unsigned long)ts.tv_nsec, (unsigned long)ts.tv_sec);
		return;
	}
	for (size_t i = 0; i < sizeof r; i++)
		snprintf(app->session + 2 * i, 3, "%02x", r[i]);
}

static void note_start_time(ui_app *app)
{
	time_t now = time(NULL);
	struct tm tm;

	if (gmtime_r(&now, &tm))
		strftime(app->started, sizeof app->started, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static void save_all_drafts(ui_app *app)
{
	memset(app->drafts, 0, sizeof app->drafts);
	app->draft_lost_why[0] = '\0';
	for (int i = app->depth - 1; i >= 0; i--)
		if (app->stack[i].ops->save_draft)
			app->stack[i].ops->save_draft(app, &app->stack[i]);
}

/* After a hangup, a signal or a dead terminal: say where the open forms'
 * text went, never more than what happened. */
static void report_drafts(const ui_app *app)
{
	const int *n = app->drafts;
	char *dir = text_sanitize(db_path(app->db), false), *slash = strrchr(dir, '/');
	char *why = text_sanitize(app->draft_lost_why, false);

	if (slash)
		*slash = '\0';
	if (n[UI_DRAFT_IN_DB] + n[UI_DRAFT_IN_FILE] + n[UI_DRAFT_LOST] == 0)
		fprintf(stderr, "tsunagi: %s\n", _("stopped; no form had unsaved text"));
	if (n[UI_DRAFT_IN_DB])
		fprintf(stderr, "tsunagi: %s\n", _("stopped; open forms were kept as drafts and are offered on the next start"));
	if (n[UI_DRAFT_IN_FILE]) {
		fputs("tsunagi: ", stderr);
		fprintf(stderr, ngettext(
			"stopped; the database could not be written, so %d open form was kept in a draft file in %s; the next start offers it",
			"stopped; the database could not be written, so %d open forms were kept in draft files in %s; the next start offers them",
			(unsigned long)n[UI_DRAFT_IN_FILE]), n[UI_DRAFT_IN_FILE], slash ? dir : ".");
		fputc('\n', stderr);
	}
	if (n[UI_DRAFT_LOST]) {
		fputs("tsunagi: ", stderr);
		fprintf(stderr, ngettext(
			"stopped; %d open form could not be kept and its text is lost: %s",
			"stopped; %d open forms could not be kept and their text is lost: %s",
			(unsigned long)n[UI_DRAFT_LOST]), n[UI_DRAFT_LOST], why);
		fputc('\n', stderr);
	}
	free(why);
	free(dir);
}

/* Drafts a full disk sent to files last time join the others. */
static void take_draft_files(ui_app *app)
{
	tsu_err e;
	int n;

	if (store_draft_take_files(app->db, &n, &e) != TSU_OK)
		ui_error(app, "%s", e.msg);
	else if (n > 0)
		ui_message(app, ngettext("%d draft kept in a file when the disk was full is back in the list.",
					 "%d drafts kept in files when the disk was full are back in the list.",
					 (unsigned long)n), n);
}

static void close_all(ui_app *app)
{
	while (app->depth > 0) {
		ui_screen *t = top(app);
		t->ops->close(app, t);
		app->depth--;
	}
}

/* A fatal error (out of memory, an internal error) while the UI runs:
 * keep what is typed and give the terminal back before the message. */
static ui_app *fatal_app;

static void on_fatal(void)
{
	if (!fatal_app)
		return;
	save_all_drafts(fatal_app);
	endwin();
	report_drafts(fatal_app);
}

static void catch_signals(void)
{
	struct sigaction sa = { 0 };

	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0;        /* no SA_RESTART: get_wch must return */
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	/* C-\ would otherwise end the UI with no draft (and, where cores
	 * are allowed, a core holding the typed text). */
	sigaction(SIGQUIT, &sa, NULL);
}

static void no_flow_control(void)
{
	struct termios t;

	/* C-s saves a form, so XON/XOFF must not swallow it. */
	if (tcgetattr(STDIN_FILENO, &t) == 0) {
		t.c_iflag &= ~(tcflag_t)IXON;
		tcsetattr(STDIN_FILENO, TCSANOW, &t);
		def_prog_mode();
	}
}

static bool start_terminal(ui_app *app)
{
	const char *term = getenv("TERM");
	SCREEN *scr = newterm(NULL, stdout, stdin);

	if (!scr) {
		fprintf(stderr, "tsunagi: %s\n", term && *term ?
			_("this terminal type is unknown to curses; set TERM, e.g. TERM=xterm-256color") :
			_("TERM is not set; set it, e.g. TERM=xterm-256color"));
		return false;
	}
	set_term(scr);
	/* A terminal that cannot move the cursor (TERM=dumb, emacs's shell)
	 * would show a blank screen that takes keys: say what works there. */
	if (!tigetstr("cup") || tigetstr("cup") == (char *)-1) {
		endwin();
		delscreen(scr);
		fprintf(stderr, "tsunagi: %s\n",
			_("this terminal cannot move the cursor, so the full-screen UI cannot run; use the commands instead, e.g. 'tsunagi due' or 'tsunagi client list'"));
		return false;
	}
	set_escdelay(100);
	cbreak();
	noecho();
	nonl();
	intrflush(stdscr, FALSE);
	keypad(stdscr, TRUE);
	idlok(stdscr, TRUE);
	no_flow_control();
	init_colors(app);
	resize(app);
	return true;
}


int ui_run(const ui_host *host)
{
	const char *cs = nl_langinfo(CODESET);
	ui_app app;
	tsu_err e;
	strbuf warn;
	int errs = 0, rc = EXIT_SUCCESS;
	bool dead = false, check_started = false, cfg_read;
	pid_t check_pid = 0;
	long idle_t0;

	if (!cs || strcmp(cs, "UTF-8") != 0) {
		fprintf(stderr, "tsunagi: %s\n", _("the locale's character set is not UTF-8; set LANG, e.g. LANG=ja_JP.UTF-8 (or C.UTF-8), and start again"));
		return EXIT_FAILURE;
	}
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, "tsunagi: %s\n", _("the full-screen UI needs a terminal; use a command instead (see 'tsunagi --help')"));
		return EXIT_FAILURE;
	}
	memset(&app, 0, sizeof app);
	make_session_id(&app);
	note_start_time(&app);
	app.host = host;
	app.today = host->today;
	app.db = host->open_db(host->arg);
	if (!app.db)
		return EXIT_FAILURE;
	config_defaults(&app.cfg);
	cfg_read = config_load(&app.cfg, &e) == TSU_OK;
	if (!cfg_read)
		snprintf(app.msg, sizeof app.msg, "%s", e.msg);
	ui_keys_defaults(&app.keys);
	sb_init(&warn);
	sb_adds(&warn, app.cfg.warnings);
	ui_keys_bind(&app.keys, app.cfg.bindings, app.cfg.nbindings, &warn);
	if (warn.len && !app.msg[0]) {
		char *nl = strchr(warn.s, '\n');
		if (nl)
			*nl = '\0';
		snprintf(app.msg, sizeof app.msg, "%s", warn.s);
		app.msg_error = true;
	}
	sb_free(&warn);

	catch_signals();
	if (!start_terminal(&app)) {
		config_free(&app.cfg);
		return EXIT_FAILURE;
	}
	fatal_app = &app;
	err_on_fatal(on_fatal);
	/* The alarm list is the start screen; drafts left from an earlier
	 * session are offered over it. */
	ui_push(&app, ui_alarms_screen(&app));
	take_draft_files(&app);
	if (store_draft_count(app.db) > 0)
		ui_push(&app, ui_drafts_screen(&app));
	/* A file that cannot be read is not a first start. */
	if (cfg_read)
		ui_first_start(&app);

	idle_t0 = now_ms();
	while (!app.quit && !got_signal) {
		int timeout_ms = app.privacy ? -1 : idle_timeout_ms(&app);
		int wait_ms = timeout_ms;
		wint_t wch = 0;
		long t0;
		int r;

		draw(&app);
		if (!check_started) {
			check_started = true;
			start_check(&app, &check_pid);
		}
		/* While the check runs, look at it every second as well: a
		 * SIGCHLD just before get_wch blocks would not wake it. */
		if (check_pid > 0 && (wait_ms < 0 || wait_ms > 1000))
			wait_ms = 1000;
		wtimeout(stdscr, wait_ms);
		t0 = now_ms();
		r = wget_wch(stdscr, &wch);
		if (got_signal)
			break;
		if (check_pid > 0 && (got_child || r == ERR))
			check_ended(&app, &check_pid);
		if (r == ERR) {
			long now = now_ms();
			if (timeout_ms > 0 && now - idle_t0 >= timeout_ms - 50) {
				app.privacy = true;
				app.redraw_all = true;
				errs = 0;
				idle_t0 = now;
				continue;
			}
			/* The second's look at the check, or its SIGCHLD. */
			if (got_child || (wait_ms > 0 && now - t0 >= wait_ms - 50)) {
				got_child = 0;
				continue;
			}
			/* Interrupted, or the terminal is gone: a few quick
			 * errors in a row mean nobody is there any more. */
			if (++errs >= 5) {
				dead = true;
				break;
			}
			if (errs > 1) {
				struct timespec ts = { 0, 50 * 1000000L };
				nanosleep(&ts, NULL);
			}
			continue;
		}
		idle_t0 = now_ms();
		errs = 0;
		if (r == KEY_CODE_YES && wch == KEY_RESIZE) {
			resize(&app);
			continue;
		}
		ui_handle_key(&app, ui_key_from_curses(r, (uint32_t)wch));
	}

	err_on_fatal(NULL);
	fatal_app = NULL;
	save_all_drafts(&app);
	close_all(&app);
	endwin();
	if (got_signal == SIGHUP || got_signal == SIGTERM || got_signal == SIGQUIT || dead) {
		report_drafts(&app);
		rc = EXIT_FAILURE;
	}
	free(app.confirm_text);
	config_free(&app.cfg);
	return rc;
}
