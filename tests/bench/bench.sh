#!/usr/bin/env bash
# The measurements behind `make bench`.  Offices are generated once per
# size into $BENCH_DIR and reused; every figure is the median and range
# of several runs.  Nothing here asserts a time: it prints a table.
set -eu
: "${BENCH_DIR:?}" "${TSUNAGI_BIN:?}"
export TSUNAGI_TODAY=2026-11-23 TZ=Asia/Tokyo LANG=C.UTF-8
SIZES=${BENCH_SIZES:-"1000 10000 100000"}
RUNS=${BENCH_RUNS:-11}
export HOME="$BENCH_DIR/home" XDG_CONFIG_HOME="$BENCH_DIR/home/.config"
mkdir -p "$HOME"

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
	# Open once so the day's quick_check is not counted below.
	"$TSUNAGI_BIN" --db "$db" client list --format tsv >/dev/null
	echo "$db"
}

run() { "$BENCH_DIR/runstat" "$RUNS" "$@"; }

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)"
echo "tsunagi: $("$TSUNAGI_BIN" --version), today fixed at $TSUNAGI_TODAY"
for n in $SIZES; do
	db=$(office "$n")
	items=$("$TSUNAGI_BIN" --db "$db" due --format csv | tail -n +2 | wc -l)
	echo
	echo "== $n clients ($(sqlite3 "$db" 'SELECT count(*) FROM note') notes, $(sqlite3 "$db" 'SELECT count(*) FROM monitoring') monitorings; due list: $items items) =="
	run "due-text-$n" -- "$TSUNAGI_BIN" --db "$db" due --week this
	run "due-csv-$n" -- "$TSUNAGI_BIN" --db "$db" due --week this --format csv
	run "due-pdf-$n" -- "$TSUNAGI_BIN" --db "$db" due --week this --format pdf
	run "calendar-$n" -- "$TSUNAGI_BIN" --db "$db" calendar --month 2026-11
	run "client-list-$n" -- "$TSUNAGI_BIN" --db "$db" client list --format tsv
	if [ -f tests/bench/ui.script ] && "$TSUNAGI_BIN" --help | grep -q "full-screen UI"; then
		for i in 1 2 3; do
			"$BENCH_DIR/ptyrun" 120 40 tests/bench/ui.script -- \
				env TERM=xterm-256color "$TSUNAGI_BIN" --db "$db"
		done | awk -v n="$n" '
			{ name = $1; for (i = 2; i <= NF; i++) { split($i, kv, "="); v[name, kv[1]] = v[name, kv[1]] " " kv[2]; keys[name, kv[1]] = 1; order[name] = order[name] ? order[name] : ++cnt; names[cnt] = name } }
			END {
				for (c = 1; c <= cnt; c++) {
					name = names[c]; line = "ui-" name "-" n
					for (k in keys) { split(k, p, SUBSEP); if (p[1] != name) continue
						m = split(substr(v[k], 2), a, " "); asort(a)
						line = line sprintf(" %s=%s(%s..%s)", p[2], a[int((m + 1) / 2)], a[1], a[m]) }
					print line
				}
			}'
	fi
done
