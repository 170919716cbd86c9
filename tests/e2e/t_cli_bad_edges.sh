# Edges a hostile test found: an empty database path, a today outside the
# years the program computes, a FIFO as the config file, and escape
# sequences in file names and arguments echoed into messages.
. "$(dirname "$0")/lib.sh"

# An empty path is a mistake, never "the default database".
expect_fail "--db ''" 1 "--db: the path is empty" "$TSUNAGI_BIN" --db '' client list
TSUNAGI_DB= expect_fail "TSUNAGI_DB=''" 1 "TSUNAGI_DB is set but empty" "$TSUNAGI_BIN" client list
[ ! -e "$XDG_DATA_HOME/tsunagi/tsunagi.db" ] || fail "the default database was made"

# Today is refused outside 2000..2098 (the holiday tables end in 2099).
expect_fail "--today 9999-12-31" 2 "today must be between 2000-01-01 and 2098-12-31" \
	tsu --today 9999-12-31 due --week next
expect_fail "--today 1999-12-31" 2 "today must be between" tsu --today 1999-12-31 due
# The UI (no command) too: its alarm list once showed memory at 9999-12-31.
expect_fail "UI at --today 9999-12-31" 2 "today must be between" tsu --today 9999-12-31
TSUNAGI_TODAY=2099-01-01 expect_fail "TSUNAGI_TODAY=2099-01-01" 2 "TSUNAGI_TODAY: today must be between" tsu due
tsu --today 2098-12-31 due --week next > "$T/out" || fail "the last day of the range"
grep -q "Due list 2099-01-05 (Mon)" "$T/out" || fail "header: $(head -1 "$T/out")"

# A FIFO where the config belongs: the command neither hangs nor fails.
mkdir -p "$XDG_CONFIG_HOME/tsunagi"
rm -f "$XDG_CONFIG_HOME/tsunagi/config"
mkfifo "$XDG_CONFIG_HOME/tsunagi/config"
timeout 10 "$TSUNAGI_BIN" --db "$DB" due --week this > /dev/null || fail "due with a FIFO config: exit $?"
rm "$XDG_CONFIG_HOME/tsunagi/config"

# Escape sequences in names given on the command line never reach stderr.
esc=$'x\e]0;owned\a\e[2J\e[?1049h'
check_clean() {
	"$@" >/dev/null 2>"$T/err"
	! grep -q $'\e' "$T/err" || fail "raw escape in the message of: $*"
	[ -s "$T/err" ] || fail "no message from: $*"
}
touch "$T/plain"
check_clean tsu import clients "$esc"
check_clean tsu import all "$esc"
check_clean tsu restore "$esc"
check_clean tsu backup "$T/plain/$esc"
check_clean tsu export clients -o "$T/plain/$esc"
check_clean tsu due -o "$T/plain/$esc"
check_clean tsu due --week "$esc"
check_clean tsu calendar --month "$esc"
check_clean tsu client show "$esc"
check_clean tsu client add --name "$esc" --kana a --birth "$esc"
check_clean tsu note add "$esc" --on 2026-01-01 --kind phone --text a
check_clean tsu "$esc"
check_clean tsu client "--$esc"
check_clean "$TSUNAGI_BIN" --db "$T/plain/$esc" client list
check_clean "$TSUNAGI_BIN" "--$esc"
# And a confirmation that names a file is sanitized too.
tsu backup "$T/$esc" > "$T/out" 2>&1 || fail "backup to an odd name"
! grep -q $'\e' "$T/out" || fail "raw escape in the backup confirmation"
