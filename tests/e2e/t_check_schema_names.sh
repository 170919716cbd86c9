#!/usr/bin/env bash
# check and restore compare the tables and columns of a database, by
# name, with what tsunagi's migrations give its schema version: a file
# with a table missing is reported by check and refused by restore.
. "$(dirname "$0")/lib.sh"

tsu demo --clients 2 > /dev/null 2>&1 || fail "demo"
tsu backup "$T/b.db" > /dev/null || fail "backup"
sqlite3 "$T/b.db" 'DROP TABLE crisis_plan' || fail "setup"

expect_fail "restore a file without a table" 1 'lacks crisis_plan\.' tsu restore "$T/b.db"
tsu check > "$T/check" || fail "the refused restore changed the database: $(cat "$T/check")"
grep -q "^ok       tables and columns" "$T/check" || fail "check did not compare the schema: $(cat "$T/check")"

sqlite3 "$DB" 'DROP TABLE crisis_plan' || fail "setup"
tsu check > "$T/check" && fail "check passed a database without a table"
grep -q "^PROBLEM .*lacks crisis_plan\." "$T/check" || fail "check output: $(cat "$T/check")"
exit 0
