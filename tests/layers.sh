#!/usr/bin/env bash
# The layers call only downward (README, "Layers"): base <- store <- rules
# <- report, ui <- cli.  Checked on the sources, run by `make layers`
# (part of `make check`):
#   - src/ui and src/report hold no SQL: no SQLite call or header, no
#     db_prepare or db_handle, no SQL text in a string;
#   - no file under src/ui, src/report, src/store, src/rules, src/base
#     includes a cli header (tsunagi/cli*.h), directly or through another
#     header;
#   - no file under src/base includes a store header (db.h, store.h,
#     store_*.h, record.h, records.h, backup.h, *_source.h or a header of
#     src/store), directly or through another header;
#   - more strictly, src/base includes only base headers: a
#     tsunagi/NAME.h whose code is src/base/NAME.c (so not the rules'
#     due.h, which config.h once included for the lead times).
# Prints each breach on one line with the chain of includes; exits 1 if
# there is any.
set -u
cd "$(dirname "$0")/.."

fail=0
say() { echo "layers: $*"; fail=1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# 1. No SQL in src/ui and src/report.
for f in src/ui/*.c src/ui/*.h src/report/*.c src/report/*.h; do
	[ -f "$f" ] || continue
	grep -nE '\bsqlite3_|<sqlite3\.h>|\bdb_prepare\b|\bdb_handle\b' "$f" |
		while IFS= read -r l; do echo "$f:$l"; done
	# SQL in a string literal (iCal's "BEGIN:VEVENT" is not SQL).
	grep -noE '"([^"\\]|\\.)*"' "$f" |
		grep -E '\b(SELECT|INSERT INTO|INSERT OR|DELETE FROM|UPDATE [a-z_]+ SET|PRAGMA [a-z_]|BEGIN( IMMEDIATE| EXCLUSIVE| DEFERRED| TRANSACTION|;|")|COMMIT|ROLLBACK|SAVEPOINT|RELEASE [a-z]|CREATE (TABLE|INDEX|TRIGGER|VIEW)|DROP (TABLE|INDEX|TRIGGER|VIEW)|(ORDER|GROUP) BY|[a-z_]+ = :[a-z_]+)' |
		while IFS= read -r l; do echo "$f:$l"; done
done > "$tmp/sql"
if [ -s "$tmp/sql" ]; then
	while IFS= read -r l; do say "SQL outside the store: $l"; done < "$tmp/sql"
fi

# 2 and 3: what each source file includes, through headers too.
awk '
function resolve(from, name,   d) {
	if (name ~ /^tsunagi\//)
		return "include/" name
	d = from; sub(/[^\/]*$/, "", d)
	return d name
}
FNR == 1 { file = FILENAME; files[file] = 1 }
/^[ \t]*#[ \t]*include[ \t]*"/ {
	n = $0; sub(/^[^"]*"/, "", n); sub(/".*/, "", n)
	inc[file, ++ninc[file]] = resolve(file, n)
}
function is_cli(h) { return h ~ /^include\/tsunagi\/cli[a-z_]*\.h$/ }
function is_store(h,   b) {
	if (h ~ /^src\/store\//) return 1
	b = h; sub(/.*\//, "", b)
	return b ~ /^(db|store|store_[a-z_]+|record|records|backup|[a-z_]+_source)\.h$/
}
# The chain from f to the first header in its closure that test t
# ("cli" or "store") rejects; "" when none.
function breach(f, t,   q, head, tail, cur, i, h, seen, from, path) {
	delete seen; delete from
	q[1] = f; head = 1; tail = 1; seen[f] = 1
	while (head <= tail) {
		cur = q[head++]
		for (i = 1; i <= ninc[cur]; i++) {
			h = inc[cur, i]
			if (h in seen) continue
			seen[h] = 1; from[h] = cur; q[++tail] = h
			if ((t == "cli" && is_cli(h)) || (t == "store" && is_store(h))) {
				path = h
				while (from[h] != f) { h = from[h]; path = h " -> " path }
				return path
			}
		}
	}
	return ""
}
END {
	for (f in files) {
		if (f !~ /^src\/(ui|report|store|rules|base)\/[^\/]*\.c$/) continue
		p = breach(f, "cli")
		if (p != "") print "a cli header under " f ": " p
		if (f ~ /^src\/base\//) {
			p = breach(f, "store")
			if (p != "") print "a store header under " f ": " p
		}
	}
}' src/*/*.c src/*/*.h include/tsunagi/*.h | sort > "$tmp/inc"
# 4. src/base includes only base headers, directly or through them.
for f in src/base/*.c src/base/*.h include/tsunagi/*.h; do
	[ -f "$f" ] || continue
	case $f in
	include/*) b=$(basename "$f" .h); [ -f "src/base/$b.c" ] || continue ;;
	esac
	grep -ho '^[[:space:]]*#[[:space:]]*include[[:space:]]*"tsunagi/[a-z0-9_]*\.h"' "$f" |
		sed 's/.*tsunagi\///; s/\.h"$//' | while IFS= read -r h; do
			[ -f "src/base/$h.c" ] || echo "a header of another layer under base: $f includes tsunagi/$h.h"
		done
done >> "$tmp/inc"
sort -o "$tmp/inc" "$tmp/inc"
if [ -s "$tmp/inc" ]; then
	while IFS= read -r l; do say "$l"; done < "$tmp/inc"
fi

[ $fail -eq 0 ] && echo "layers: no SQL in src/ui or src/report; no cli header below src/cli; src/base includes only base headers"
exit $fail
