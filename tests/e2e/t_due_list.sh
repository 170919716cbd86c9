# tsunagi due as text: overdue items, the open monitorings of the months
# the week touches, then each day of the week with its era date and
# holiday; next week; --overdue; --kind; --initials; usage errors.
# "in N days" counts from the sheet's first day.  Today is Monday
# 2026-11-23 (勤労感謝の日).
. "$(dirname "$0")/lib.sh"

mkdir -p "$XDG_CONFIG_HOME/tsunagi"
echo "worker = 相談 花子" > "$XDG_CONFIG_HOME/tsunagi/config"
{
tsu client add --name "山田 太郎" --kana "やまだ たろう" --birth 1980-01-01 &&
tsu client add --name "佐藤 花子" --kana "さとう はなこ" --birth 2008-11-26 --kind child &&
tsu client add --name "鈴木 一郎" --kana "すずき いちろう" --birth 1970-01-01 &&
tsu cert add 1 --kind service --from 2025-11-28 --to 2026-11-27 &&
tsu cert add 3 --kind service --from 2025-11-25 --to 2026-11-24 &&
tsu consent add 1 --with "A病院" --purpose "情報共有" --from 2025-11-26 --to 2026-11-25 &&
tsu plan add 1 --from 2026-05-01 --to 2027-04-30 --monitoring-months 3 --final --consented 2026-04-25 &&
tsu plan add 2 --from 2026-09-01 --to 2027-08-31 --monitoring-months 1 --final --consented 2026-08-25 &&
tsu monitoring add 1 --on 2026-07-10 &&
tsu monitoring add 2 --on 2026-09-12 &&
tsu monitoring add 2 --on R8.10.15 &&
tsu client close 3 --on 2026-11-01
} >/dev/null || fail "fixture"
sqlite3 "$DB" "INSERT INTO meeting (id, client_id, held_on) VALUES (1, 1, '2026-11-02');
	INSERT INTO action_item (meeting_id, what, due_on) VALUES (1, '主治医に受診結果を確認する', '2026-11-28');" || fail "fixture sql"

# July was met, October was not; the closed client's certificate is gone.
# Client 1's certificate ends before her plan: paperwork to put right,
# overdue since the plan began (issue 13).
# The child's November monitoring is on the sheet from the month's first
# week, not only in its last.
expect_output "this week" tsu due <<'X'
Due list 2026-11-23 (Mon) - 2026-11-29 (Sun)
Worker: 相談 花子    Printed: 2026-11-23 (令和8年11月23日)
Days are counted from 2026-11-23 (Mon), the sheet's first day.
================================================================================
Overdue (2)
[ ] 05-01 山田 太郎            recipient certificate ends 2026-11-27, before the
[ ] 10-31 山田 太郎            monitoring for 2026-10 (missed)

Monitorings not yet done, 2026-11 (1)
[ ]       佐藤 花子            monitoring for 2026-11

2026-11-23 (Mon)  令和8年11月23日  勤労感謝の日
    (nothing due)

2026-11-24 (Tue)  令和8年11月24日
    (nothing due)

2026-11-25 (Wed)  令和8年11月25日
[ ]       山田 太郎            consent ends: A病院 (情報共有) (in 2 days)

2026-11-26 (Thu)  令和8年11月26日
[ ]       佐藤 花子            turns 18: to adult services (in 3 days)

2026-11-27 (Fri)  令和8年11月27日
[ ]       山田 太郎            recipient certificate ends (in 4 days)

2026-11-28 (Sat)  令和8年11月28日
[ ]       山田 太郎            action: 主治医に受診結果を確認する (in 5 days)

2026-11-29 (Sun)  令和8年11月29日
    (nothing due)

--------------------------------------------------------------------------------
7 items
X

expect_output "next week: the months it touches, their monitorings in their own section" tsu due --week next --kind monitoring,billing <<'X'
Due list 2026-11-30 (Mon) - 2026-12-06 (Sun)
Worker: 相談 花子    Printed: 2026-11-23 (令和8年11月23日)
Days are counted from 2026-11-30 (Mon), the sheet's first day.
================================================================================
Overdue (1)
[ ] 10-31 山田 太郎            monitoring for 2026-10 (missed)

Monitorings not yet done, 2026-11, 2026-12 (2)
[ ]       佐藤 花子            monitoring for 2026-11
[ ]       佐藤 花子            monitoring for 2026-12

2026-11-30 (Mon)  令和8年11月30日
    (nothing due)

2026-12-01 (Tue)  令和8年12月1日
    (nothing due)

2026-12-02 (Wed)  令和8年12月2日
    (nothing due)

2026-12-03 (Thu)  令和8年12月3日
    (nothing due)

2026-12-04 (Fri)  令和8年12月4日
    (nothing due)

2026-12-05 (Sat)  令和8年12月5日
    (nothing due)

2026-12-06 (Sun)  令和8年12月6日
    (nothing due)

--------------------------------------------------------------------------------
3 items
X

expect_output "--overdue with initials" tsu due --overdue --initials <<'X'
Overdue items as of 2026-11-23
Worker: 相談 花子    Printed: 2026-11-23 (令和8年11月23日)
================================================================================
Overdue (2)
[ ] 05-01 Y.T.                 recipient certificate ends 2026-11-27, before the
[ ] 10-31 Y.T.                 monitoring for 2026-10 (missed)

--------------------------------------------------------------------------------
2 items
X

# A window from a date: only days with items are listed beyond two weeks.
tsu due --from 2026-12-01 --days 41 --kind billing > "$T/out" || fail "--from/--days"
grep -q "^2026-12-10 (Thu)  令和8年12月10日$" "$T/out" || fail "billing day heading: $(cat "$T/out")"
# Counted from the sheet's first day (2026-12-01), not from today.
grep -q "billing deadline for 2026-11 (in 9 days)" "$T/out" || fail "billing item: $(cat "$T/out")"
grep -q "billing deadline for 2026-12 (in 40 days)" "$T/out" || fail "January billing: $(cat "$T/out")"
grep -q "2026-12-02" "$T/out" && fail "empty days listed in a long window"

# Every line fits 80 columns, Japanese included (wide characters count 2).
tsu due | while IFS= read -r line; do
	w=$(printf '%s' "$line" | wc -L)
	[ "$w" -le 80 ] || fail "line wider than 80 columns ($w): $line"
done || exit 1

# Stored control characters never reach the terminal.
sqlite3 "$DB" "UPDATE action_item SET what = 'x' || char(27) || '[31my'" || fail "sql"
tsu due | grep -q "action: x^\[\[31my" || fail "escape sequence not shown as ^["
tsu due | grep -q "$(printf '\033')" && fail "raw ESC in the output"

expect_fail "unknown kind" 2 "unknown kind 'visits'" tsu due --kind visits
expect_fail "bad format" 2 "--format" tsu due --format html
expect_fail "bad week" 2 "--week" tsu due --week 2026-02-30
expect_fail "week and from" 2 "cannot be combined" tsu due --week next --from 2026-12-01
expect_fail "bad days" 2 "--days" tsu due --days 0
expect_fail "encoding with pdf" 2 "not to PDF" tsu due --format pdf --encoding cp932
exit 0
