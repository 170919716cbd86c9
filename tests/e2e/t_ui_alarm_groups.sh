# The start screen's alarm list at 80x24: every item whose lead time has
# begun, in four groups with their counts (overdue, this week, this
# month's monitorings, coming up), the same items `tsunagi alarms` prints;
# a support-level decision 80 days ahead is under "coming up".  p prints
# this week's due sheet to ~/tsunagi-print/ (0600) with the month's open
# monitorings in their own section.  The day count is said once, in its
# column (not again after the detail), and a detail cut at the edge ends
# with "…" (issue 16, item 21).  Today is Monday 2026-11-23.
. "$(dirname "$0")/lib.sh"

{
tsu client add --name "山田 太郎" --kana "やまだ たろう" --birth 1980-01-01 &&
tsu client add --name "佐藤 花子" --kana "さとう はなこ" --birth 1990-05-05 &&
tsu cert add 1 --kind support_level --from 2024-02-12 --to 2027-02-11 &&
# (a community certificate: a service one ending after the plan would
# also be a paperwork mismatch, which is not what this test is about)
tsu cert add 1 --kind community --from 2026-02-26 --to 2027-02-25 &&
tsu consent add 1 --with "A病院" --purpose "情報共有" --from 2025-11-28 --to 2026-11-27 &&
tsu plan add 1 --from 2026-01-21 --to 2027-01-20 --monitoring-months 6 --final --consented 2026-01-20 &&
tsu plan add 2 --from 2026-09-01 --to 2027-08-31 --monitoring-months 1 --final --consented 2026-08-25 &&
tsu monitoring add 2 --on 2026-09-12 &&
tsu monitoring add 2 --scheduled 2026-11-26
} >/dev/null || fail "fixture"

ui_start 80 24 --
ui_wait "Coming up (2)"
cat > "$T/want" <<'X'
 tsunagi | Alarms                                         2026-11-23 (R8.11.23)
Overdue 1  Week 1  Month 1  Coming 2  kind: all
  Overdue (1)
> !! 2026-10-31 Sat 23 days ago   佐藤 花子      monitoring for 2026-10 (missed)
  This week (1)
  !  2026-11-27 Fri in 4 days     山田 太郎      consent ends: A病院 (情報共有)
  This month's monitorings (1)
  !  2026-11-26 Thu in 3 days     佐藤 花子      monitoring for 2026-11 (visit …
  Coming up (2)
  !  2027-01-20 Wed in 58 days    山田 太郎      plan period ends
  !  2027-02-11 Thu in 80 days    山田 太郎      support-level decision ends












 ?:help  Enter:open  m:note  f:kind  p:print week  c:clients  Q:quit
X
ui_screen | sed 's/ *$//' > "$T/got"
sed 's/ *$//' "$T/want" | diff -u - "$T/got" >&2 || fail "the alarm list's screen differs"

# j and k step from item to item over the headings between them (issue
# 16, item 15), and stop at the last and the first item.
sel() { ui_screen | grep '^> ' | cut -c1-20; }
for want in "> !  2026-11-27 Fri" "> !  2026-11-26 Thu" "> !  2027-01-20 Wed" "> !  2027-02-11 Thu" "> !  2027-02-11 Thu"; do
	ui_keys j
	ui_wait "$want"
	sel | grep -q "^> [!.]" || fail "the cursor is on a heading: $(sel)"
done
for want in "> !  2027-01-20 Wed" "> !  2026-11-26 Thu" "> !  2026-11-27 Fri" "> !! 2026-10-31 Sat" "> !! 2026-10-31 Sat"; do
	ui_keys k
	ui_wait "$want"
	sel | grep -q "^> [!.]" || fail "the cursor is on a heading: $(sel)"
done
ui_keys G
ui_wait "> !  2027-02-11 Thu"
ui_keys g
ui_wait "> !! 2026-10-31 Sat"

# The screen's items are the command's.
tsu alarms --format tsv | cut -f1,2 > "$T/cmd" || fail "alarms"
printf 'overdue\t2026-10-31\nweek\t2026-11-27\nmonth\t2026-11-26\ncoming\t2027-01-20\ncoming\t2027-02-11\n' |
	diff -u - "$T/cmd" >&2 || fail "tsunagi alarms differs from the screen"

# p: the week's sheet as a private PDF.
ui_keys p
ui_wait "Saved the PDF as $HOME/tsunagi-print/due-2026-11-23.pdf"
pdf="$HOME/tsunagi-print/due-2026-11-23.pdf"
[ "$(stat -c %a "$pdf")" = 600 ] || fail "sheet mode $(stat -c %a "$pdf")"
[ "$(stat -c %a "$HOME/tsunagi-print")" = 700 ] || fail "folder mode"
pdftotext -layout "$pdf" "$T/sheet.txt" || fail "pdftotext"
for s in "Due list 2026-11-23 (Mon) - 2026-11-29 (Sun)" "Monitorings not yet done, 2026-11 (1)" \
	 "11-26" "佐藤 花子" "consent ends: A病院 (情報共有) (in 4 days)" "勤労感謝の日"; do
	grep -qF -- "$s" "$T/sheet.txt" || fail "the printed sheet lacks '$s': $(cat "$T/sheet.txt")"
done
# The list is still there, unchanged.
ui_wait "Overdue 1  Week 1  Month 1  Coming 2"
exit 0
