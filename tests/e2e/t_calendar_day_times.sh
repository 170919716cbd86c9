# Meetings and scheduled monitoring visits with their times on the
# calendar (issue 16, item 19): `tsunagi calendar` lists the month's, the
# calendar screen at 80x24 the cursor day's above its due items; a time
# that is not one, or a time without a day, is refused.
. "$(dirname "$0")/lib.sh"
q() { sqlite3 "$DB" "$1"; }

{
tsu client add --name "山田 太郎" --kana "やまだ たろう" --birth 1980-01-01 &&
tsu client add --name "佐藤 花子" --kana "さとう はなこ" --birth 1990-02-02 &&
tsu client add --name "鈴木 一郎" --kana "すずき いちろう" --birth 1970-03-03 &&
tsu monitoring add 1 --scheduled 2026-11-25 --at 14:30 &&
tsu monitoring add 2 --scheduled 2026-11-25 &&
tsu monitoring add 3 --scheduled 2026-11-25 --at 9:00 &&
tsu client close 3 --on 2026-11-20
} >/dev/null || fail "fixture"
[ "$(q "SELECT scheduled_at FROM monitoring WHERE client_id = 3")" = 09:00 ] || fail "time kept as HH:MM"
# A meeting (there is no meeting command; the UI's form writes this row).
q "INSERT INTO meeting (client_id, held_on, held_at, place) VALUES (2, '2026-11-25', '10:00', '相談室')"

expect_fail "not a time" 2 "is not a time of day" tsu monitoring add 1 --scheduled 2026-11-26 --at 25:00
expect_fail "a time without a day" 1 "give the day it is scheduled for too" \
	tsu monitoring add 1 --on 2026-11-20 --at 10:00
[ "$(q "SELECT count(*) FROM monitoring")" = 3 ] || fail "a refused visit was stored"

# By time, the one without a time last; the closed client's visit left out.
tsu calendar | sed -n '/^Meetings and visits/,$p' > "$T/list"
expect_output "the month's meetings and visits" cat "$T/list" <<'X'
Meetings and visits this month:
  2026-11-25 (Wed) 10:00  meeting  佐藤 花子  @相談室
  2026-11-25 (Wed) 14:30  monitoring visit  山田 太郎
  2026-11-25 (Wed)        monitoring visit  佐藤 花子
X

# The calendar screen: today (the 23rd) has none; two days on, the 25th.
ui_start 80 24 --
ui_wait "Overdue"
ui_keys C
ui_wait "2026-11-23"
ui_wait "Nothing due on this day."
ui_keys l l
ui_wait "2026-11-25"
ui_wait "@ 10:00  meeting  佐藤 花子  @相談室"
ui_wait "@ 14:30  monitoring visit  山田 太郎"
ui_wait "@        monitoring visit  佐藤 花子"
ui_screen | grep -q "鈴木" && fail "a closed client's visit is on the calendar"
# More than half the day list's lines: the rest is counted, the due
# items keep their lines.
q "INSERT INTO meeting (client_id, held_on, held_at) VALUES (1, '2026-11-25', '08:00'), (1, '2026-11-25', '16:00'), (2, '2026-11-25', '17:00')"
ui_keys q
ui_wait "Overdue"
ui_keys C
ui_wait "2026-11-23"
ui_keys l l
ui_wait "@ 08:00  meeting  山田 太郎"
ui_wait "@ 10:00  meeting  佐藤 花子  @相談室"
ui_wait "... and 4 more meetings and visits"
ui_wait "Nothing due on this day."
ui_keys Q
ui_wait_dead 2 "Q did not leave tsunagi"
