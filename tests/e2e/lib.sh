# lib.sh - helpers for end-to-end tests; source it first thing:
#
#	. "$(dirname "$0")/lib.sh"
#	tsu client add --name 山田 --kana やまだ --birth 1980-01-01
#	expect_output "client list" <<'X'
#	...expected text...
#	X
#	tsu client list
#
# Every test gets a private temporary directory ($T) with its own
# database ($DB), HOME and XDG dirs, a fixed today (2026-11-23, a Monday
# and 勤労感謝の日), TZ=Asia/Tokyo and LANG=C.UTF-8; it is removed at exit.

set -u
T=$(mktemp -d "${TMPDIR:-/tmp}/tsunagi-e2e.XXXXXX")
export HOME="$T/home" XDG_DATA_HOME="$T/home/.local/share" XDG_CONFIG_HOME="$T/home/.config"
mkdir -p "$HOME"
# The office and worker lines (empty) answer the first start's question
# (issue 16): the UI opens on the alarm list.  A test of that question
# removes the file; one that writes its own keeps these lines or sets
# the names.
mkdir -p -m 0700 "$XDG_CONFIG_HOME/tsunagi"
printf 'office =\nworker =\n' > "$XDG_CONFIG_HOME/tsunagi/config"
export TSUNAGI_TODAY=${TSUNAGI_TODAY:-2026-11-23}
export TZ=Asia/Tokyo LANG=${LANG_OVERRIDE:-C.UTF-8} LC_ALL= LANGUAGE=
unset TSUNAGI_DB NO_COLOR
DB="$T/tsunagi.db"
TMUX_SOCK="tsunagi-e2e-$$"
_cleanup() {
	tmux -L "$TMUX_SOCK" kill-server 2>/dev/null
	rm -rf "$T"
}
trap _cleanup EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }

# The binary on the test's database.
tsu() { "$TSUNAGI_BIN" --db "$DB" "$@"; }

# expect_output DESC CMD...: run CMD, compare its stdout with stdin.
expect_output() {
	local desc=$1; shift
	local want="$T/want" got="$T/got"
	cat > "$want"
	"$@" > "$got" 2> "$T/err" || fail "$desc: exited $? ($(cat "$T/err"))"
	diff -u "$want" "$got" >&2 || fail "$desc: output differs"
}

# expect_fail DESC CODE PATTERN CMD...: CMD must exit CODE, print one line
# on stderr matching PATTERN (grep -E) and nothing on stdout.
expect_fail() {
	local desc=$1 code=$2 pat=$3; shift 3
	local rc=0
	"$@" > "$T/out" 2> "$T/err" || rc=$?
	[ "$rc" -eq "$code" ] || fail "$desc: exit $rc, want $code (stderr: $(cat "$T/err"))"
	[ "$(wc -l < "$T/err")" -eq 1 ] || fail "$desc: want one line on stderr, got: $(cat "$T/err")"
	grep -Eq -- "$pat" "$T/err" || fail "$desc: stderr '$(cat "$T/err")' does not match '$pat'"
	[ ! -s "$T/out" ] || fail "$desc: printed on stdout: $(cat "$T/out")"
}

# --- the full-screen UI in a private tmux server ------------------------

# ui_start COLS ROWS [ENV=VALUE ...] -- ARGS...: start tsunagi in tmux.
ui_start() {
	local cols=$1 rows=$2; shift 2
	local envs=()
	while [ $# -gt 0 ] && [ "$1" != "--" ]; do envs+=("$1"); shift; done
	[ "${1:-}" = "--" ] && shift
	# Right after a kill-server the old server can still be going away,
	# and a new session then fails with "server exited unexpectedly":
	# try again a few times.
	local try
	# remain-on-exit from the start: a program that leaves at once
	# (a refused terminal) must still leave its screen to read.
	[ -f "$T/tmux.conf" ] || echo "set-option -g remain-on-exit on" > "$T/tmux.conf"
	for try in 1 2 3 4 5; do
		tmux -L "$TMUX_SOCK" -f "$T/tmux.conf" new-session -d -s t -x "$cols" -y "$rows" \
			env "${envs[@]}" TERM=${UI_TERM:-xterm-256color} "$TSUNAGI_BIN" --db "$DB" "$@" \
			&& break
		[ $try = 5 ] && fail "tmux did not start"
		sleep 0.2
	done
	tmux -L "$TMUX_SOCK" set-option -t t remain-on-exit on >/dev/null
}

ui_keys() { tmux -L "$TMUX_SOCK" send-keys -t t "$@"; }
# Type text literally (UTF-8 included).
ui_type() { tmux -L "$TMUX_SOCK" send-keys -t t -l "$1"; }
ui_screen() { tmux -L "$TMUX_SOCK" capture-pane -p -t t; }
# The screen and its scrollback, wrapped lines joined (messages printed
# after the UI has left).
ui_history() { tmux -L "$TMUX_SOCK" capture-pane -p -J -S -100 -t t; }
ui_resize() { tmux -L "$TMUX_SOCK" resize-window -t t -x "$1" -y "$2"; }
ui_pid() { tmux -L "$TMUX_SOCK" display-message -p -t t '#{pane_pid}'; }
ui_dead() { [ "$(tmux -L "$TMUX_SOCK" display-message -p -t t '#{pane_dead}')" = 1 ]; }
# ui_wait_dead [SECONDS [WHAT]]: wait until tsunagi has left (the pane is
# dead); WHAT says what should have ended it.
ui_wait_dead() {
	local limit=${1:-2} what=${2:-tsunagi did not leave} i=0
	while [ $i -lt $((limit * 20)) ]; do
		ui_dead && return 0
		sleep 0.05
		i=$((i + 1))
	done
	ui_screen >&2
	fail "$what within ${limit}s"
}

# ui_wait TEXT [SECONDS]: wait until the screen shows TEXT (fixed string).
ui_wait() {
	local text=$1 limit=${2:-10} i=0
	while [ $i -lt $((limit * 20)) ]; do
		ui_screen | grep -qF -- "$text" && return 0
		sleep 0.05
		i=$((i + 1))
	done
	ui_screen >&2
	fail "screen never showed '$text'"
}

# ui_gone TEXT [SECONDS]: wait until TEXT is no longer on screen.
ui_gone() {
	local text=$1 limit=${2:-10} i=0
	while [ $i -lt $((limit * 20)) ]; do
		ui_screen | grep -qF -- "$text" || return 0
		sleep 0.05
		i=$((i + 1))
	done
	ui_screen >&2
	fail "screen still shows '$text'"
}

# wait_day_checked FILE [SECONDS]: wait until the day's integrity check
# (run in the background after a command) has recorded its result and
# the checker has let go of the file (its WAL checkpointed into it).
wait_day_checked() {
	local f=$1 limit=${2:-30} i=0
	while [ $i -lt $((limit * 20)) ]; do
		# Recorded, and the checker gone: it holds its lock until it
		# has checkpointed the WAL into the file and closed it.
		[ "$(sqlite3 -cmd ".timeout 2000" "$f" "SELECT count(*) FROM meta WHERE key = 'quick_check_day' AND value = date('now', 'localtime')" 2>/dev/null)" = 1 ] &&
			flock -n "$f-check.lock" true 2>/dev/null && return 0
		sleep 0.05
		i=$((i + 1))
	done
	fail "the day's check of $f never recorded its result"
}

# day_check_running FILE: does a day's check hold FILE's lock now?  (It
# takes the lock for a moment: use it only while a check is known to run.)
day_check_running() {
	! flock -n "$1-check.lock" true 2>/dev/null
}

# ui_snapshot NAME: the whole screen, trailing blanks cut, must equal
# tests/e2e/screens/NAME.txt.  TSUNAGI_SNAPSHOT_UPDATE=1 writes the file
# instead (then read the diff before committing it).
ui_snapshot() {
	local want="$(dirname "${BASH_SOURCE[0]}")/screens/$1.txt"
	ui_screen | sed 's/ *$//' > "$T/snap-$1"
	if [ "${TSUNAGI_SNAPSHOT_UPDATE:-}" = 1 ]; then
		mkdir -p "$(dirname "$want")"
		cp "$T/snap-$1" "$want"
		return 0
	fi
	[ -f "$want" ] || fail "no snapshot $want (run with TSUNAGI_SNAPSHOT_UPDATE=1 and read it)"
	diff -u "$want" "$T/snap-$1" >&2 || fail "screen $1 differs from its snapshot"
}
