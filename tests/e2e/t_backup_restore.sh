#!/usr/bin/env bash
# backup while another tsunagi is writing gives a whole 0600 copy;
# restore refuses a database that is open elsewhere, checks the backup
# first and keeps the replaced database beside it.
. "$(dirname "$0")/lib.sh"

tsu demo --clients 5 > /dev/null 2>&1 || fail "demo"
tsu backup "$T/first.db" > /dev/null || fail "backup"

# Writers in the background while backups are taken.
( for i in $(seq 1 40); do tsu note add 1 --on 2026-11-20 --kind phone --text "loop $i" > /dev/null || exit 1; done ) &
writer=$!
for i in 1 2 3 4 5; do
	tsu backup "$T/during.db" > /dev/null || fail "backup during writes"
	[ "$(sqlite3 "$T/during.db" 'PRAGMA integrity_check')" = ok ] || fail "backup $i is damaged"
	[ "$(stat -c %a "$T/during.db")" = 600 ] || fail "backup mode"
done
wait $writer || fail "the writer failed while backups ran"

# In use: a connection holding the database open.
mkfifo "$T/hold"
sqlite3 "$DB" < "$T/hold" > "$T/held" &
holder=$!
exec 3> "$T/hold"
echo "SELECT count(*) FROM client;" >&3
# The holder has read the database once its answer is out.
for i in $(seq 1 200); do [ -s "$T/held" ] && break; sleep 0.05; done
[ -s "$T/held" ] || fail "the holding connection never answered"
expect_fail "restore while in use" 1 'in use' tsu restore "$T/first.db"
exec 3>&-
wait $holder
notes_now=$(sqlite3 "$DB" 'SELECT count(*) FROM note')

tsu restore "$T/first.db" > "$T/out" || fail "restore: $(cat "$T/out")"
grep -q "kept as $DB.replaced-2026-11-23" "$T/out" || fail "restore: $(cat "$T/out")"
[ "$(sqlite3 "$DB.replaced-2026-11-23" 'SELECT count(*) FROM note')" = "$notes_now" ] || fail "the replaced database was not kept whole"
[ "$(sqlite3 "$DB" 'SELECT count(*) FROM note')" -lt "$notes_now" ] || fail "the backup was not restored"
[ "$(stat -c %a "$DB")" = 600 ] || fail "restored mode"
tsu check > /dev/null || fail "check after restore"

# A damaged or foreign file is refused before anything changes.
printf 'not a database' > "$T/junk.db"
expect_fail "restore junk" 1 'not a tsunagi backup' tsu restore "$T/junk.db"
expect_fail "restore onto itself" 1 'database itself' tsu restore "$DB"
exit 0
