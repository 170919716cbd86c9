# Every way into a monitoring gives one row per goal of the plan, and a
# row's form says which goal it rates (issue 16, item 1): here a visit
# scheduled ahead (as the calendar's s makes it), opened from the card.
. "$(dirname "$0")/lib.sh"
q() { sqlite3 "$DB" "$1"; }

{
tsu client add --name 山田花子 --kana ヤマダハナコ --birth 1980-04-01 &&
tsu plan add 1 --from 2026-09-01 --to 2027-08-31 --monitoring-months 3 --written 2026-08-25 \
	--wishes "一人で暮らしたい" --policy "地域での生活を支える" --long-goal "一人暮らし" --short-goal "家事に慣れる" &&
tsu plan row add 1 --need "買い物ができない" --goal "一人で買い物に行く" --provider "ヘルパーA" &&
tsu plan row add 1 --need "掃除ができない" --goal "週2回掃除する" --provider "ヘルパーA" &&
tsu plan final 1 --consented 2026-08-30 &&
tsu monitoring add 1 --scheduled 2026-11-26
} >/dev/null 2>&1 || fail "fixture"
[ "$(q "SELECT count(*) FROM monitoring_row")" = 0 ] || fail "the scheduled visit already has rows"

ui_start 80 24 --
ui_wait "Overdue"
ui_keys c
ui_wait "> 山田花子"
ui_keys Enter
ui_wait "[Basics]"
ui_keys 8
ui_wait "[Monitorings]"
ui_keys Enter
ui_wait "Monitoring of 山田花子"
ui_wait "一人で買い物に行く"
ui_wait "週2回掃除する"
[ "$(q "SELECT group_concat(plan_row_id) FROM (SELECT plan_row_id FROM monitoring_row ORDER BY plan_row_id)")" = "1,2" ] ||
	fail "rows: $(q "SELECT * FROM monitoring_row")"
[ "$(q "SELECT plan_id FROM monitoring")" = 1 ] || fail "the monitoring does not name its plan"
# A row's form names the goal it rates.
ui_keys Enter
ui_wait "goal 1: 一人で買い物に行く"
ui_keys Escape
ui_wait "Monitoring of 山田花子"
ui_keys j Enter
ui_wait "goal 2: 週2回掃除する"
ui_keys Escape
ui_wait "Monitoring of 山田花子"
ui_keys Q
ui_wait_dead 2 "Q did not leave tsunagi"
