# After an action the cursor lands where the work goes on (issue 16, item
# 15): a new note is selected in the card's list, not the row that was
# selected before; Enter on a plan's alarm opens the plan itself; q goes
# back to the card's tab, then the list.
. "$(dirname "$0")/lib.sh"
q() { sqlite3 "$DB" "$1"; }

{
tsu client add --name 山田花子 --kana ヤマダハナコ --birth 1980-04-01 &&
tsu note add 1 --on 2026-11-20 --kind visit --text "二十日の訪問" &&
tsu note add 1 --on 2026-11-10 --kind phone --text "十日の電話" &&
tsu plan add 1 --from 2026-01-01 --to 2026-12-31 --monitoring-months 6 --final --consented 2025-12-25
} >/dev/null 2>&1 || fail "fixture"

ui_start 80 24 --
ui_wait "plan period ends"
# Enter on the plan's alarm: the plan itself.
ui_keys g
ui_wait "> !  2026-12-31"
ui_keys Enter
ui_wait "Plan of 山田花子"
ui_keys q
ui_wait "[Plans]"
ui_keys 9
ui_wait "[Notes]"
ui_wait "> 2026-11-20"
ui_keys n
ui_wait "New progress note: 山田花子"
ui_keys C-u
ui_type "2026-11-15"
ui_keys Tab Tab Tab Tab Tab
ui_type "十五日の面談"
ui_keys F2
ui_wait "Saved."
ui_wait "> 2026-11-15"
[ "$(q "SELECT count(*) FROM note")" = 3 ] || fail "the note was not saved"
ui_keys Q
ui_wait_dead 2 "Q did not leave tsunagi"
