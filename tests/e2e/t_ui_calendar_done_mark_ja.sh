# No English on a Japanese screen (issue 16, item 20): the calendar's day
# list marks a met item 済, not "ok".
LANG_OVERRIDE=ja_JP.UTF-8
. "$(dirname "$0")/lib.sh"

{
tsu client add --name 山田花子 --kana ヤマダハナコ --birth 1980-04-01 &&
tsu plan add 1 --from 2026-11-01 --to 2027-10-31 --monitoring-months 1 --final --consented 2026-10-30 &&
tsu monitoring add 1 --scheduled 2026-11-20 &&
tsu monitoring add 1 --on 2026-11-20
} >/dev/null 2>&1 || fail "fixture"

ui_start 80 24 --
ui_wait "アラーム"
ui_keys C
ui_wait "2026年11月"
ui_keys h h h
ui_wait "2026-11-20"
ui_keys Tab
ui_wait "山田花子"
ui_screen | grep "山田花子" | grep -q "済" || { ui_screen >&2; fail "the met monitoring is not marked 済"; }
ui_screen | grep "山田花子" | grep -q " ok " && fail "English 'ok' on a Japanese screen"
ui_keys Q
ui_wait_dead 2 "Q did not leave tsunagi"
