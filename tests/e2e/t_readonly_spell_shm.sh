#!/usr/bin/env bash
# After a read-only spell (chmod 400 on the database, one read while
# another session keeps the -shm, chmod 600) the -shm left at mode 400
# no longer breaks every write: tsunagi puts its own -wal/-shm back to
# 0600 on open; check reports such a -shm, and a write that still fails
# names the file that is read-only.  Runs as uid 65534: root ignores modes.
. "$(dirname "$0")/lib.sh"

chmod 711 "$T"
mkdir -m 700 "$T/ro"
chown 65534:65534 "$T/ro"
D="$T/ro/t.db"
as_nobody() { setpriv --reuid=65534 --regid=65534 --clear-groups env HOME="$T/ro" XDG_CONFIG_HOME="$T/ro" XDG_DATA_HOME="$T/ro" "$@"; }
nsu() { as_nobody "$TSUNAGI_BIN" --db "$D" "$@"; }

nsu demo --clients 2 > /dev/null 2>&1 || fail "demo"
chmod 400 "$D"
nsu client list > /dev/null || fail "a read of the read-only database"
chmod 600 "$D"
[ "$(stat -c %a "$D-shm")" = 400 ] || fail "setup: -shm mode $(stat -c %a "$D-shm")"

nsu check > "$T/check" 2>&1 && fail "check passed a -shm nobody can write: $(cat "$T/check")"
grep -q "$D-shm: mode 400.*chmod 600" "$T/check" || fail "check on the -shm: $(cat "$T/check")"

nsu client add --name '新井 一' --kana 'あらい はじめ' --birth 1990-01-01 > "$T/out" 2> "$T/err" || fail "write after the read-only spell: $(cat "$T/err")"
[ ! -e "$D-shm" ] || [ "$(stat -c %a "$D-shm")" = 600 ] || fail "-shm mode after open: $(stat -c %a "$D-shm")"
nsu check > /dev/null || fail "check afterwards"

# A database that is still read-only: the error names it.
chmod 400 "$D"
expect_fail "write to a read-only database" 1 "$D is read-only; run: chmod 600" nsu client add --name '新井 二' --kana 'あらい に' --birth 1990-01-01
exit 0
