# A worker's usual morning, scripted (issue 16's "day"): the alarm list,
# a phone note about the consent that ends this week, a monitoring visit
# put on the calendar, the monitoring recorded, and this week's sheet
# printed.  The keys are counted (typed text apart) and printed; the
# README gives the same keys and count.
. "$(dirname "$0")/lib.sh"
q() { sqlite3 "$DB" "$1"; }

{
tsu client add --name 山田花子 --kana ヤマダハナコ --birth 1980-04-01 &&
tsu client add --name 佐藤一郎 --kana サトウイチロウ --birth 1975-01-01 &&
tsu plan add 1 --from 2026-11-01 --to 2027-10-31 --monitoring-months 1 --written 2026-10-25 \
	--wishes "一人で暮らしたい" --policy "地域での生活を支える" --long-goal "一人暮らし" --short-goal "家事に慣れる" &&
tsu plan row add 1 --need "買い物ができない" --goal "一人で買い物に行く" --provider "ヘルパーA" &&
tsu plan final 1 --consented 2026-10-30 &&
tsu consent add 2 --with "A病院" --purpose "情報共有" --from 2025-11-28 --to 2026-11-27
} >/dev/null 2>&1 || fail "fixture"

keys=0
k() { ui_keys "$@"; keys=$((keys + $#)); }

ui_start 80 24 TSUNAGI_NOW=09:10 --
ui_wait "This week (1)"
ui_wait "> !  2026-11-27"

# 1. A phone note about the consent: m, the text, F2.
k m
ui_wait "New progress note: 佐藤一郎"
ui_type "A病院に同意の更新を依頼。来週書類が届く。"
k F2
ui_wait "Saved."

# 2. Her November visit on the calendar: a week on to the month's end,
# the day's list, s, back to Thursday the 26th, s.
k C
ui_wait "item(s) on this day"
k j
ui_wait "2026-11-30"
k Tab s
ui_wait "scheduling 山田花子"
k h h h h
ui_wait "2026-11-26"
k s
ui_wait "scheduled on 2026-11-26"

# 3. The visit done: the day's list, Enter opens her card, n records it
# (today), the goal's row, the attainment, F2, back.
k Tab Enter
ui_wait "[Monitorings]"
k n
ui_wait "done on"
k F2
ui_wait "Monitoring of 山田花子"
k Enter
ui_wait "goal 1: 一人で買い物に行く"
k Tab Tab
ui_type "ヘルパーと一緒に週1回買い物に行けた"
k F2
ui_wait "Monitoring of 山田花子"

# 4. This week's sheet: the alarm list, p.
k a
ui_wait "This week"
k p
ui_wait "Saved the PDF as $HOME/tsunagi-print/due-2026-11-23.pdf"

echo "a worker's morning: $keys keys plus the typed text"
[ "$(q "SELECT client_id, noted_at, kind FROM note")" = "2|09:10|phone" ] || fail "note: $(q "SELECT * FROM note")"
[ "$(q "SELECT scheduled_on, done_on FROM monitoring")" = "2026-11-26|2026-11-23" ] || fail "monitoring: $(q "SELECT * FROM monitoring")"
[ "$(q "SELECT attainment FROM monitoring_row")" = "ヘルパーと一緒に週1回買い物に行けた" ] || fail "row: $(q "SELECT * FROM monitoring_row")"
[ -s "$HOME/tsunagi-print/due-2026-11-23.pdf" ] || fail "no sheet"
# The count the README gives.
[ $keys -eq 21 ] || fail "the morning took $keys keys; README.md says 21: update one or the other"
ui_keys Q
ui_wait_dead 2 "Q did not leave tsunagi"
