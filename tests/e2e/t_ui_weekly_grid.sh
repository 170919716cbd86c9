# The weekly grid (issue 16, items 2, 7, 13): it covers the whole day (a
# 02:00 slot is reachable by scrolling up), one form puts a slot on
# several days (月・水・金 10:00-15:00), and switching to the services
# that are not weekly and back leaves nothing of the other view behind
# (the screens are compared whole at 80x24).
. "$(dirname "$0")/lib.sh"

tsu client add --name 山田花子 --kana ヤマダハナコ --birth 1980-04-01 >/dev/null || fail "client"
q() { sqlite3 "$DB" "$1"; }
q "INSERT INTO plan (client_id, stage, written_on, period_from, period_to, monitoring_months, anchor_month)
   VALUES (1, 'draft', '2026-11-01', '2026-11-01', '2027-10-31', 3, '2026-11');
   INSERT INTO plan_interval (plan_id, from_month, months) VALUES (1, '2026-11', 3);
   INSERT INTO non_weekly (plan_id, position, service, detail) VALUES (1, 1, '短期入所', '月に2泊');" || fail "fixture"

ui_start 80 24 --
ui_wait "Overdue"
ui_keys c
ui_wait "> 山田花子"
ui_keys Enter
ui_wait "[Basics]"
ui_keys Tab Tab Tab Tab Tab Tab
ui_wait "[Plans]"
ui_keys Enter
ui_wait "Plan of 山田花子"
ui_keys w
ui_wait "Weekly schedule of 山田花子"

# Mon, Wed and Fri 10:00-15:00 from one form.
ui_keys Down
ui_keys n
ui_wait "A new slot"
ui_keys Tab C-u
ui_type "10:00"
ui_keys Tab C-u
ui_type "15時"
ui_keys Tab
ui_type "生活介護"
ui_keys Tab
ui_type "水・金"
ui_keys F2
ui_wait "Saved."
[ "$(q "SELECT group_concat(weekday || ' ' || start_min || '-' || end_min, ',') FROM (SELECT * FROM weekly_slot ORDER BY weekday)")" = \
  "0 600-900,2 600-900,4 600-900" ] || fail "slots: $(q "SELECT * FROM weekly_slot")"
# A dialog answered "no" leaves the screen exactly as it was (the box
# lies over wide characters of the grid).
ui_keys Right Left
ui_gone "Saved."
ui_screen > "$T/before"
ui_keys d
ui_wait "Delete this slot"
ui_keys n
ui_gone "Delete this slot"
for i in $(seq 100); do ui_screen > "$T/after"; cmp -s "$T/before" "$T/after" && break; sleep 0.05; done
diff -u "$T/before" "$T/after" >&2 || fail "the dialog left something behind"
[ "$(q "SELECT count(*) FROM weekly_slot")" = 3 ] || fail "n deleted a slot"

ui_keys o
ui_wait "services that are not weekly"
ui_screen > "$T/other"
grep -Eq '^[0-9]' "$T/other" && { cat "$T/other" >&2; fail "hour digits left in column 0"; }
ui_keys o
ui_wait "Sun/hol"

# Up to 02:00: the grid scrolls to the small hours.
for i in 1 2 3 4 5 6 7 8; do ui_keys Up; done
ui_wait "02:00"
ui_keys n
ui_wait "A new slot"
ui_keys Tab Tab
ui_keys C-u
ui_type "03:00"
ui_keys Tab
ui_type "睡眠"
ui_keys F2
ui_wait "Saved."
[ "$(q "SELECT start_min, end_min, activity FROM weekly_slot WHERE activity = '睡眠'")" = "120|180|睡眠" ] ||
	fail "night slot: $(q "SELECT * FROM weekly_slot")"
ui_keys Q
ui_wait_dead 2 "Q did not leave tsunagi"
