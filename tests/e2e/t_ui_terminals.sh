# The UI works on a vt100 and with NO_COLOR: urgency is shown as a text
# marker as well as colour, and the chrome is ASCII or line drawing.  A
# locale that is not UTF-8 gets one line saying how to set LANG, and
# without a terminal the UI refuses with advice.
. "$(dirname "$0")/lib.sh"

tsu client add --name "鈴木 一" --kana "すずき はじめ" --birth 1970-01-01 >/dev/null || fail "client add"
tsu cert add 1 --kind service --from 2025-01-01 --to 2026-11-01 >/dev/null || fail "cert add"

UI_TERM=vt100 ui_start 80 24 NO_COLOR=1 --
ui_wait "Overdue 1"
ui_wait "> !! 2026-11-01 Sun 22 days ago"
ui_keys '?'
ui_wait "Keys of 'Alarms'"
ui_keys q c
ui_wait "鈴木 一"
ui_keys Q
ui_wait_dead 2 "Q did not leave tsunagi on a vt100"
tmux -L "$TMUX_SOCK" kill-server

UI_TERM=xterm-mono ui_start 80 24 --
ui_wait "> !! 2026-11-01"
tmux -L "$TMUX_SOCK" kill-server

# Not UTF-8: one line, exit 1, the terminal untouched.
rc=0
LANG=C LC_ALL=C script -qec "$TSUNAGI_BIN --db $DB" /dev/null > "$T/out" 2>&1 || rc=$?
grep -q "LANG=ja_JP.UTF-8" "$T/out" || fail "no advice about LANG: $(cat "$T/out")"
# Not a terminal.
expect_fail "no terminal" 1 "needs a terminal" sh -c "'$TSUNAGI_BIN' --db '$DB' < /dev/null"
