#!/usr/bin/env bash
# restore of a copy made with cp while tsunagi had the database open
# (db + -wal) keeps the newest changes that were still in the -wal, and
# only reads the copy: nothing is written or created beside it.
. "$(dirname "$0")/lib.sh"

tsu demo --clients 3 > /dev/null 2>&1 || fail "demo"

# A reader holds the database open so that the -wal is not folded in.
mkfifo "$T/hold"
sqlite3 "$DB" < "$T/hold" > "$T/held" &
holder=$!
exec 3> "$T/hold"
echo "SELECT count(*) FROM sqlite_schema;" >&3
for i in $(seq 1 100); do [ -s "$T/held" ] && break; sleep 0.05; done
[ -s "$T/held" ] || fail "the holder did not open the database"
tsu client add --name '渡辺 新' --kana 'わたなべ しん' --birth 1990-02-03 > /dev/null || fail "client add"
want=$(sqlite3 "$DB" 'SELECT count(*) FROM client')
[ -s "$DB-wal" ] || fail "setup: no -wal while the database is open"
mkdir "$T/copy"
cp "$DB" "$T/copy/c.db"
cp "$DB-wal" "$T/copy/c.db-wal"
exec 3>&-
wait $holder
(cd "$T/copy" && sha256sum c.db c.db-wal) > "$T/sums"

"$TSUNAGI_BIN" --db "$T/new.db" restore "$T/copy/c.db" > "$T/out" 2>&1 || fail "restore: $(cat "$T/out")"
[ "$(sqlite3 "$T/new.db" 'SELECT count(*) FROM client')" = "$want" ] || fail "restore dropped changes that were in the -wal"
[ "$(sqlite3 "$T/new.db" "SELECT count(*) FROM client WHERE name = '渡辺 新'")" = 1 ] || fail "the newest client is missing"
(cd "$T/copy" && sha256sum -c --quiet "$T/sums") || fail "restore changed the copy"
[ ! -e "$T/copy/c.db-shm" ] || fail "restore created a -shm beside the copy"
[ -z "$(ls "$T" | grep -E '\.restore')" ] || fail "a temporary restore file was left: $(ls "$T")"
"$TSUNAGI_BIN" --db "$T/new.db" check > /dev/null || fail "check after restore"
exit 0
