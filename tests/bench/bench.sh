#!/usr/bin/env bash
# The measurements behind `make bench`.  Offices are generated once per
# size into $BENCH_DIR and reused; every figure is the median and the
# range over several runs.  Nothing here asserts a time: it prints a
# table (see tests/bench/README.md for what each line means).
set -eu
: "${BENCH_DIR:?}" "${TSUNAGI_BIN:?}"
export TSUNAGI_TODAY=2026-11-23 TZ=Asia/Tokyo LANG=C.UTF-8
SIZES=${BENCH_SIZES:-"1000 10000 100000"}
RUNS=${BENCH_RUNS:-11}
UI_RUNS=${BENCH_UI_RUNS:-5}
export HOME="$BENCH_DIR/home" XDG_CONFIG_HOME="$BENCH_DIR/home/.config"
mkdir -p "$HOME"
# The UI opens on the alarm list (what ui.script measures) only once the
# first start's questions are answered or skipped: skipped, as Esc
# leaves them (office and worker empty).
if [ ! -f "$XDG_CONFIG_HOME/tsunagi/config" ]; then
	mkdir -p "$XDG_CONFIG_HOME/tsunagi"
	(umask 077 && printf 'office =\nworker =\n' > "$XDG_CONFIG_HOME/tsunagi/config")
fi

office() {   # office N -> path of a cached office of N clients
	local n=$1 notes=100 db="$BENCH_DIR/office-$1.db"
	# 100,000 clients keep the note count of the 10,000 office (1,000,000).
	[ "$n" -ge 100000 ] && notes=10
	if [ ! -f "$db" ]; then
		echo "generating an office of $n clients ($notes notes each) ..." >&2
		local t0=$(date +%s)
		"$BENCH_DIR/gen_office" "$db.tmp" "$n" "$notes"
		mv "$db.tmp" "$db"
		echo "  done in $(( $(date +%s) - t0 )) s, $(du -m "$db" | cut -f1) MB" >&2
	fi
	# One run first: after generation the due cache's first build is
	# not what a worker waits for each time; and the day's integrity
	# check it starts in the background is waited for, so that it does
	# not run beside the measurements (first-of-day measures it).
	"$TSUNAGI_BIN" --db "$db" due >/dev/null
	wait_checked "$db" || exit 1
	echo "$db"
}

# median and range of each key=value over the runs of each step
summarise() {
	awk -v size="$1" '
	{
		step = $1
		if (!(step in seen)) { seen[step] = 1; order[++nsteps] = step }
		for (i = 2; i <= NF; i++) {
			split($i, kv, "=")
			key = step SUBSEP kv[1]
			if (!(key in nkeys)) { keys[step] = keys[step] " " kv[1] }
			vals[key, ++nkeys[key]] = kv[2] + 0
		}
	}
	END {
		for (s = 1; s <= nsteps; s++) {
			step = order[s]
			line = sprintf("%-26s", "ui-" step "-" size)
			nk = split(substr(keys[step], 2), ks, " ")
			for (k = 1; k <= nk; k++) {
				key = step SUBSEP ks[k]; n = nkeys[key]
				for (i = 1; i <= n; i++) a[i] = vals[key, i]
				for (i = 2; i <= n; i++) { v = a[i]; j = i - 1
					while (j >= 1 && a[j] > v) { a[j + 1] = a[j]; j-- } a[j + 1] = v }
				line = line sprintf(" %s=%s(%s..%s)", ks[k], a[int((n + 1) / 2)], a[1], a[n])
			}
			print line
		}
	}'
}

# median of the numbers on stdin
median() { sort -n | awk '{ a[NR] = $1 } END { if (NR) print a[int((NR + 1) / 2)]; else print "?" }'; }
ms_of() { sed -n 's/.* median_ms=\([0-9.]*\).*/\1/p'; }

# versus N NAME -- CMD...: CMD and `tsunagi --version` (the floor: process
# start and dynamic linking, no database) run alternately N times each, so
# both see the same load; prints both medians and their ratio.
versus() {
	local n=$1 name=$2 i; shift 3
	for i in $(seq "$n"); do
		echo "floor $("$BENCH_DIR/runstat" 1 v -- "$TSUNAGI_BIN" --version | ms_of)"
		echo "cmd $("$BENCH_DIR/runstat" 1 c -- "$@" | ms_of)"
	done > "$BENCH_DIR/versus.tmp"
	local f c
	f=$(awk '$1 == "floor" { print $2 }' "$BENCH_DIR/versus.tmp" | median)
	c=$(awk '$1 == "cmd" { print $2 }' "$BENCH_DIR/versus.tmp" | median)
	printf '%-26s median_ms=%s version_ms=%s ratio=%s runs=%s\n' "$name" "$c" "$f" \
		"$(awk -v c="$c" -v f="$f" 'BEGIN { printf "%.2f", (f > 0 ? c / f : 0) }')" "$n"
}

# Wait (up to 10 minutes) until the day's integrity check of $1 has
# recorded today, so that it does not run beside the next measurement.
wait_checked() {
	local i
	for i in $(seq 12000); do
		[ "$(sqlite3 -cmd ".timeout 5000" "$1" "SELECT count(*) FROM meta WHERE key = 'quick_check_day' AND value = date('now', 'localtime')")" = 1 ] &&
			! pgrep -f "^tsunagi --db $1 check --daily\$" >/dev/null && return 0
		sleep 0.05
	done
	echo "bench: the day's check of $1 did not finish" >&2
	return 1
}

# first_of_day N DB: the day's first command (the due list), as if on a
# new day: before each run the day's check is forgotten; after it, the
# check (now in the background) is waited for.  Prints the median, the
# second command's median and their ratio.
first_of_day() {
	local n=$1 db=$2 i first second
	for i in $(seq "$n"); do
		sqlite3 -cmd ".timeout 5000" "$db" "UPDATE meta SET value = '2000-01-01' WHERE key = 'quick_check_day'"
		"$BENCH_DIR/runstat" 1 f -- "$TSUNAGI_BIN" --db "$db" due --week this | ms_of
		wait_checked "$db"
	done > "$BENCH_DIR/first.tmp"
	first=$(median < "$BENCH_DIR/first.tmp")
	second=$("$BENCH_DIR/runstat" "$n" s -- "$TSUNAGI_BIN" --db "$db" due --week this | ms_of)
	printf '%-26s median_ms=%s second_ms=%s ratio=%s runs=%s\n' "first-of-day-$3" "$first" "$second" \
		"$(awk -v a="$first" -v b="$second" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')" "$n"
}

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)"
echo "tsunagi: $("$TSUNAGI_BIN" --version), today fixed at $TSUNAGI_TODAY; times in ms"
for n in $SIZES; do
	db=$(office "$n")
	echo
	echo "== $n clients: $(sqlite3 "$db" 'SELECT count(*) FROM note') notes," \
		"$(sqlite3 "$db" 'SELECT count(*) FROM monitoring') monitorings," \
		"$(sqlite3 "$db" 'SELECT count(*) FROM due_cache') due items;" \
		"this week's list: $("$TSUNAGI_BIN" --db "$db" due | grep -c '^\[ \]') items =="
	"$BENCH_DIR/runstat" "$RUNS" "due-text-$n" -- "$TSUNAGI_BIN" --db "$db" due --week this
	"$BENCH_DIR/runstat" "$RUNS" "due-csv-$n" -- "$TSUNAGI_BIN" --db "$db" due --week this --format csv
	"$BENCH_DIR/runstat" 5 "due-pdf-$n" -- "$TSUNAGI_BIN" --db "$db" due --week this --format pdf
	"$BENCH_DIR/runstat" "$RUNS" "calendar-$n" -- "$TSUNAGI_BIN" --db "$db" calendar --month 2026-11
	"$BENCH_DIR/runstat" "$RUNS" "client-list-$n" -- "$TSUNAGI_BIN" --db "$db" client list --format tsv
	# The four rows of issue 17: the day's first command, and the
	# one-shot lists against the process floor in the same run.
	first_of_day "${BENCH_FIRST_RUNS:-5}" "$db" "$n"
	versus "$RUNS" "due-vs-version-$n" -- "$TSUNAGI_BIN" --db "$db" due --week this
	versus "$RUNS" "client-list-all-tsv-$n" -- "$TSUNAGI_BIN" --db "$db" client list --all --format tsv
	versus 5 "due-pdf-vs-version-$n" -- "$TSUNAGI_BIN" --db "$db" due --week this --format pdf
	for i in $(seq "$UI_RUNS"); do
		"$BENCH_DIR/ptyrun" 120 40 tests/bench/ui.script -- \
			env TERM=xterm-256color "$TSUNAGI_BIN" --db "$db"
	done | summarise "$n"
done
