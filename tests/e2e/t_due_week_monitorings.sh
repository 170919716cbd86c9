# The weekly sheet (tsunagi due --week): a monitoring is due any day of
# its month, so the first week's sheet of a month already lists every
# monitoring of that month not yet done, in its own section, dated by
# its visit when one is scheduled; "in N days" counts from the sheet's
# first day, not from the day it is printed; an overdue date from another
# year shows the year.  Printed on Thursday 2027-01-28 for the week of
# Monday 2027-02-01.
. "$(dirname "$0")/lib.sh"
export TSUNAGI_TODAY=2027-01-28

{
tsu client add --name "佐藤 花子" --kana "さとう はなこ" --birth 1990-05-05 &&
tsu client add --name "山田 太郎" --kana "やまだ たろう" --birth 1980-01-01 &&
tsu client add --name "鈴木 一郎" --kana "すずき いちろう" --birth 1970-01-01 &&
tsu plan add 1 --from 2026-09-01 --to 2027-08-31 --monitoring-months 1 --final --consented 2026-08-25 &&
tsu plan add 2 --from 2026-11-01 --to 2027-10-31 --monitoring-months 2 --final --consented 2026-10-25 &&
tsu plan add 3 --from 2026-12-01 --to 2027-11-30 --monitoring-months 1 --final --consented 2026-11-25 &&
tsu monitoring add 1 --on 2026-09-10 && tsu monitoring add 1 --on 2026-10-10 &&
tsu monitoring add 1 --on 2026-11-10 && tsu monitoring add 1 --on 2026-12-10 &&
tsu monitoring add 1 --on 2027-01-10 &&
tsu monitoring add 2 --on 2026-12-15 &&
tsu monitoring add 2 --scheduled 2027-02-17 &&
tsu monitoring add 3 --on 2026-12-20 &&
tsu consent add 1 --with "A病院" --purpose "情報共有" --from 2026-02-06 --to 2027-02-05
} >/dev/null || fail "fixture"
sqlite3 "$DB" "INSERT INTO meeting (id, client_id, held_on) VALUES (1, 1, '2026-12-01');
	INSERT INTO action_item (meeting_id, what, due_on) VALUES (1, '電話する', '2026-12-20');" || fail "fixture sql"

# February's three open monitorings are on the first week's sheet:
# 山田's on its scheduled day, 佐藤's and 鈴木's dated the month's end; 鈴木's January one,
# open on the 28th, is late by the sheet's Monday.  The consent ends on
# Friday: 4 days from the sheet's Monday (8 from the day it is printed).
expect_output "csv" sh -c "\"$TSUNAGI_BIN\" --db \"$DB\" due --week next --format csv | tr -d '\r'" <<'X'
﻿due_on,state,kind,client_id,client_name,detail,section
2026-12-20,overdue,action,1,佐藤 花子,action: 電話する (43 days late),overdue
2027-01-31,due,monitoring,3,鈴木 一郎,monitoring for 2027-01,overdue
2027-02-17,upcoming,monitoring,2,山田 太郎,monitoring for 2027-02 (visit scheduled),monitoring
2027-02-28,upcoming,monitoring,1,佐藤 花子,monitoring for 2027-02,monitoring
2027-02-28,upcoming,monitoring,3,鈴木 一郎,monitoring for 2027-02,monitoring
2027-02-05,due,consent,1,佐藤 花子,consent ends: A病院 (情報共有) (in 4 days),day
X

tsu due --week 2027-02-03 > "$T/sheet.txt" || fail "text"
for s in "Days are counted from 2027-02-01 (Mon), the sheet's first day." \
	 "[ ] 2026-12-20 佐藤 花子            action: 電話する (43 days late)" \
	 "[ ] 01-31      鈴木 一郎            monitoring for 2027-01" \
	 "Monitorings not yet done, 2027-02 (3)" \
	 "[ ] 02-17      山田 太郎            monitoring for 2027-02 (visit scheduled)" \
	 "[ ]            佐藤 花子            monitoring for 2027-02" \
	 "[ ]            佐藤 花子            consent ends: A病院 (情報共有) (in 4 days)"; do
	grep -qF -- "$s" "$T/sheet.txt" || fail "text sheet lacks '$s': $(cat "$T/sheet.txt")"
done
grep -q "in 8 days" "$T/sheet.txt" && fail "counted from the day it was printed"

# The month's last week: still in their own section, not under the 28th.
tsu due --week 2027-02-22 --format csv | tr -d '\r' > "$T/last.csv" || fail "last week"
grep -q '^2027-02-28,upcoming,monitoring,1,佐藤 花子,monitoring for 2027-02,monitoring$' "$T/last.csv" ||
	fail "last week: $(cat "$T/last.csv")"
[ "$(grep -c ',monitoring,.*2027-02' "$T/last.csv")" = 3 ] || fail "last week: $(cat "$T/last.csv")"

# The PDF has the same sections.
tsu due --week next --format pdf -o "$T/sheet.pdf" || fail "pdf"
pdftotext -layout "$T/sheet.pdf" "$T/sheet.pdf.txt" || fail "pdftotext"
for s in "Monitorings not yet done, 2027-02 (3)" "2026-12-20" "02-17" "(in 4 days)" \
	 "Days counted from 2027-02-01 (Mon)"; do
	grep -qF -- "$s" "$T/sheet.pdf.txt" || fail "PDF lacks '$s': $(cat "$T/sheet.pdf.txt")"
done
exit 0
