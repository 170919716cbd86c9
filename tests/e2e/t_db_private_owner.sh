#!/usr/bin/env bash
# A database set that others could read or change is refused, with one
# line saying how to fix it: a database, -wal or -shm that another user
# owns or others can write, a directory others can write (unless sticky)
# or that another user owns.  check reports owners too and never advises
# chmod on a file that is not ours.  (The owner is compared with the
# effective uid, so this works as root; "another user" is uid 65534.)
. "$(dirname "$0")/lib.sh"

tsu demo --clients 2 > /dev/null 2>&1 || fail "demo"
sum=$(sha256sum < "$DB")

chmod 666 "$DB"
expect_fail "world-writable db" 1 "chmod 600 '$DB'" tsu client list
chmod 620 "$DB"
expect_fail "group-writable db" 1 "written by others" tsu client list
chmod 600 "$DB"

chown 65534 "$DB"
expect_fail "foreign db" 1 'belongs to another user' tsu client list
expect_fail "foreign db, write" 1 'belongs to another user' tsu client add --name 'x' --kana 'x' --birth 1990-01-01
tsu check > "$T/check" 2> "$T/err" && fail "check passed a foreign database"
grep -q "another user" "$T/check" || fail "check did not name the owner: $(cat "$T/check")"
grep -q "chmod" "$T/check" && fail "check advised chmod on a file that is not ours: $(cat "$T/check")"
chown "$(id -u)" "$DB"

for f in -wal -shm; do
	: > "$DB$f"
	chown 65534 "$DB$f"
	expect_fail "foreign $f" 1 "$DB$f belongs to another user" tsu client list
	tsu check > "$T/check" 2> /dev/null && fail "check passed a foreign $f"
	grep -q "$DB$f: belongs to another user" "$T/check" || fail "check on $f: $(cat "$T/check")"
	rm -f "$DB$f"
done
[ "$(sha256sum < "$DB")" = "$sum" ] || fail "a refused open changed the database"

# Directories.
mkdir -m 777 "$T/open"
expect_fail "world-writable dir" 1 "chmod go-w '$T/open'" "$TSUNAGI_BIN" --db "$T/open/x.db" client add --name 'x' --kana 'x' --birth 1990-01-01
[ ! -e "$T/open/x.db" ] || fail "a database was created in a world-writable directory"
chmod 1777 "$T/open"
"$TSUNAGI_BIN" --db "$T/open/x.db" client add --name 'x' --kana 'x' --birth 1990-01-01 > /dev/null || fail "sticky directory with our own files"
mkdir -m 700 "$T/theirs"
chown 65534 "$T/theirs"
expect_fail "foreign dir" 1 'directory .* belongs to another user' "$TSUNAGI_BIN" --db "$T/theirs/x.db" client add --name 'x' --kana 'x' --birth 1990-01-01
tsu client list > /dev/null || fail "our own private database"
tsu check > /dev/null || fail "check on our own private database"
exit 0
