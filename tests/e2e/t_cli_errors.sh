# Bad input gets one line saying what was wrong, the right exit code, and
# changes nothing.
. "$(dirname "$0")/lib.sh"

tsu client add --name "山田 太郎" --kana やまだ --birth 1970-03-02 >/dev/null || fail "setup"
snapshot() { sqlite3 "$DB" "SELECT count(*) FROM client; SELECT count(*) FROM audit;" | tr '\n' ' '; }
before=$(snapshot)

expect_fail "unknown command" 2 "unknown command 'frobnicate'" tsu frobnicate
expect_fail "unknown global option" 2 "unknown option '--colour'" "$TSUNAGI_BIN" --colour
expect_fail "unknown option" 2 "unknown option '--nmae'.*tsunagi client --help" tsu client add --nmae x
expect_fail "missing value" 2 "--name needs a value" tsu client add --kana x --birth 1970-01-01 --name
expect_fail "missing name" 2 "--name is required" tsu client add --kana x --birth 1970-01-01
expect_fail "impossible date" 1 "2025-02-29: 2025 has no February 29" tsu client add --name x --kana x --birth 2025-02-29
expect_fail "before Reiwa" 1 "R1.4.30: Reiwa began on 2019-05-01" tsu client add --name x --kana x --birth R1.4.30
expect_fail "after Showa" 1 "Showa ended on 1989-01-07" tsu client add --name x --kana x --birth S64.1.8
expect_fail "garbage date" 1 "is not a date" tsu client add --name x --kana x --birth yesterday
expect_fail "future birth" 1 "in the future" tsu client add --name x --kana x --birth 2030-01-01
expect_fail "bad kind" 1 "plan, child, transition, retention" tsu client add --name x --kana x --birth 1970-01-01 --kind adult
expect_fail "short recipient no" 1 "10 digits" tsu client add --name x --kana x --birth 1970-01-01 --recipient-no 123
long=$(printf '山%.0s' $(seq 1 101))
expect_fail "over-long name" 1 "too long \\(at most 100\\)" tsu client add --name "$long" --kana x --birth 1970-01-01
expect_fail "invalid UTF-8" 1 "not valid UTF-8" tsu client add --name "$(printf 'a\377b')" --kana x --birth 1970-01-01
expect_fail "no such client" 1 "no client 99" tsu client show 99
expect_fail "not an id" 1 "not a client id" tsu client show abc
expect_fail "cert period reversed" 1 "is after" tsu cert add 1 --kind service --from 2026-04-01 --to 2026-03-31
expect_fail "cert bad kind" 2 "kind: 'passport' is not one of service" tsu cert add 1 --kind passport --from 2026-04-01 --to 2027-03-31
expect_fail "plan interval" 2 "13.* from 1 to 12" tsu plan add 1 --from 2026-04-01 --to 2027-03-31 --monitoring-months 13
expect_fail "final plan without consent" 2 "--consented" tsu plan add 1 --from 2026-04-01 --to 2027-03-31 --monitoring-months 6 --final
expect_fail "note without text" 2 "note is empty" tsu note add 1 --on 2026-11-20 --kind visit
expect_fail "note bad kind" 2 "kind: 'email' is not one of meeting" tsu note add 1 --on 2026-11-20 --kind email --text x
expect_fail "note bad time" 2 "9:30" tsu note add 1 --on 2026-11-20 --kind visit --text x --at 25:00
expect_fail "bad --today" 2 "--today: " "$TSUNAGI_BIN" --db "$DB" --today 2026-13-01 client list
expect_fail "bad TSUNAGI_TODAY" 2 "TSUNAGI_TODAY" env TSUNAGI_TODAY=nope "$TSUNAGI_BIN" --db "$DB" client list
expect_fail "demo into a full database" 1 "only fills an empty database" tsu demo

[ "$(snapshot)" = "$before" ] || fail "bad input changed the database: $before -> $(snapshot)"

# A database from a newer tsunagi is refused and left as it was.
sqlite3 "$DB" "PRAGMA user_version = 99"
expect_fail "newer database" 1 "newer tsunagi" tsu client list
[ "$(sqlite3 "$DB" 'PRAGMA user_version')" = 99 ] || fail "newer database was changed"

# A file that is not a database.
echo "not a database at all, only text, long enough to be a header" > "$T/junk.db"
expect_fail "junk database" 1 "damaged" "$TSUNAGI_BIN" --db "$T/junk.db" client list

# --help and --version go to stdout and exit 0.
"$TSUNAGI_BIN" --help | grep -q "^Usage: tsunagi" || fail "--help"
"$TSUNAGI_BIN" --version | grep -Eq "^tsunagi [0-9]+\.[0-9]+" || fail "--version"
tsu client --help | grep -q "client add" || fail "client --help"
