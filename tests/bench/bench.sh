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
	# One run first: the day's quick_check and, after generation, the
	# due cache's first build are not what a worker waits for each time.
	"$TSUNAGI_BIN" --db "$db" due >/dev/null
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
	for i in $(seq "$UI_RUNS"); do
		"$BENCH_DIR/ptyrun" 120 40 tests/bench/ui.script -- \
			env TERM=xterm-256color "$TSUNAGI_BIN" --db "$db"
	done | summarise "$n"
done
