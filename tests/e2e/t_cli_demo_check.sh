# The demo database and `tsunagi check`: a realistic case load, private
# files whatever the umask, and a check that finds problems.
. "$(dirname "$0")/lib.sh"
umask 022

tsu demo --clients 30 2>"$T/err" || fail "demo: $(cat "$T/err")"
grep -q "30 clients" "$T/err" || fail "demo message"
n=$(tsu client list --all --format tsv | wc -l)
[ "$n" -eq 30 ] || fail "demo made $n clients"
kinds=$(tsu client list --all --format tsv | cut -f5 | sort -u | tr '\n' ' ')
case "$kinds" in *child*plan*) ;; *) fail "demo kinds: $kinds" ;; esac
[ "$(sqlite3 "$DB" "SELECT count(DISTINCT stage) FROM plan")" -ge 2 ] || fail "plan stages"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM plan_row")" -ge 3 ] || fail "client 1's full cycle"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM certificate WHERE valid_to BETWEEN '2026-11-23' AND '2027-02-21'")" -ge 1 ] \
	|| fail "no certificate ends within 90 days"
tsu check > "$T/check" || fail "check: $(cat "$T/check")"
grep -q "^ok       integrity$" "$T/check" || fail "check output: $(cat "$T/check")"
for f in "$DB" "$DB-wal" "$DB-shm"; do
	[ ! -e "$f" ] || [ "$(stat -c %a "$f")" = 600 ] || fail "$f is $(stat -c %a "$f")"
done
# The default location is made 0700.
"$TSUNAGI_BIN" client add --name x --kana x --birth 1970-01-01 >/dev/null || fail "default db"
[ "$(stat -c %a "$XDG_DATA_HOME/tsunagi")" = 700 ] || fail "data dir mode"
[ "$(stat -c %a "$XDG_DATA_HOME/tsunagi/tsunagi.db")" = 600 ] || fail "default db mode"

chmod 644 "$DB"
expect_fail_rc=0
tsu check > "$T/check" || expect_fail_rc=$?
[ $expect_fail_rc -eq 1 ] || fail "check should fail on mode 644"
grep -q "chmod 600" "$T/check" || fail "check should say how to fix: $(cat "$T/check")"
