#!/usr/bin/env bash
# p on the screens at 80x24: the card's notes tab and the notes screen
# print the progress record of the last 3 months, the meetings tab and
# the meeting screen the meeting's minutes, the card's other tabs the case
# summary after asking to whom.  A party no consent in force names is
# asked about again: n prints nothing, y prints it; a covered party prints
# at once; each summary printed is a disclosure with its audit row.
. "$(dirname "$0")/lib.sh"

q() { sqlite3 "$DB" "$1"; }
tsu client add --name "山田 太郎" --kana "やまだ たろう" --birth 1980-04-01 >/dev/null || fail "client"
q "INSERT INTO note (client_id, noted_on, kind, fact) VALUES (1, '2026-08-22', 'phone', '三か月より前のメモ');
   INSERT INTO note (client_id, noted_on, kind, fact) VALUES (1, '2026-08-23', 'visit', '三か月前の当日のメモ');
   INSERT INTO note (client_id, noted_on, kind, with_whom, fact) VALUES (1, '2026-11-20', 'visit', '母', '最近の訪問メモ');
   INSERT INTO meeting (client_id, held_on, place, attendees, agreed) VALUES (1, '2026-10-01', '自宅', '本人、母', '通所を週4日にする');
   INSERT INTO consent (client_id, shared_with, valid_from, valid_to) VALUES (1, 'つなぎ総合病院', '2026-04-01', '2027-03-31');" || fail "setup"
out="$HOME/tsunagi-print"
text() { pdftotext -layout "$1" - 2>/dev/null; }

ui_start 80 24 --
ui_wait "Overdue"
ui_keys c
ui_wait "山田 太郎"
ui_keys Enter
ui_wait "やまだ たろう"
# The notes tab: the record from the same day 3 months back to today.
ui_keys 9
ui_wait "[Notes]"
ui_keys p
ui_wait "Saved the PDF as"
rec="$out/record-1-20260823-20261123.pdf"
[ -f "$rec" ] || fail "no $rec: $(ls "$out")"
[ "$(stat -c %a "$rec")" = 600 ] || fail "$rec is mode $(stat -c %a "$rec")"
text "$rec" | grep -qF "支援経過記録" || fail "record PDF: no title"
text "$rec" | grep -qF "最近の訪問メモ" && text "$rec" | grep -qF "三か月前の当日のメモ" || fail "record PDF lacks the period's notes"
text "$rec" | grep -qF "三か月より前" && fail "record PDF has a note before the period"
rm "$rec"
# The notes screen: the same.
ui_keys Enter
ui_wait "最近の訪問メモ"
ui_keys p
ui_wait "Saved the PDF as"
[ -f "$rec" ] || fail "the notes screen's p wrote no $rec"
ui_keys q
ui_wait "[Notes]"
# The meetings tab, then the meeting screen: the minutes.
ui_keys 0
ui_wait "[Meetings]"
ui_keys p
ui_wait "Saved the PDF as"
mt="$out/meeting-1-1.pdf"
[ -f "$mt" ] || fail "no $mt: $(ls "$out")"
text "$mt" | grep -qF "サービス担当者会議の要点" && text "$mt" | grep -qF "通所を週4日にする" || fail "meeting PDF: $(text "$mt")"
rm "$mt"
ui_keys Enter
ui_wait "Meeting of 山田 太郎"
ui_keys p
ui_wait "Saved the PDF as"
[ -f "$mt" ] || fail "the meeting screen's p wrote no $mt"
ui_keys q
ui_wait "[Meetings]"

# The basics tab: the summary asks to whom.
ui_keys 1
ui_wait "[Basics]"
ui_keys p
ui_wait "Print the case summary"
ui_type "別の事業所"
ui_keys Enter
ui_wait "No consent in force today names 別の事業所."
ui_wait "Print the summary anyway? The disclosure is recorded."
ui_keys n
ui_wait "Not printed."
[ "$(q "SELECT count(*) FROM disclosure")" = 0 ] || fail "a summary not printed was recorded"
sum="$out/summary-1-20261123.pdf"
[ -f "$sum" ] && fail "a summary was written though the worker said no"
ui_keys p
ui_wait "Print the case summary"
ui_type "別の事業所"
ui_keys Enter
ui_wait "No consent in force today names"
ui_keys y
ui_wait "Saved the PDF as"
[ -f "$sum" ] || fail "no $sum after yes"
text "$sum" | grep -qF "同意書の確認なし" || fail "summary PDF does not say no consent covered it"
[ "$(q "SELECT party, consent_id IS NULL FROM disclosure")" = "別の事業所|1" ] || fail "disclosure: $(q "SELECT * FROM disclosure")"
[ "$(q "SELECT count(*) FROM audit WHERE tbl = 'disclosure' AND action = 'insert' AND row_id = 1")" = 1 ] || fail "no audit row"
# A covered party prints at once.
ui_keys p
ui_wait "Print the case summary"
ui_type "つなぎ総合病院"
ui_keys Enter
ui_wait "Saved the PDF as"
[ "$(q "SELECT party, consent_id FROM disclosure WHERE id = 2")" = "つなぎ総合病院|1" ] || fail "covered: $(q "SELECT * FROM disclosure")"
text "$sum" | grep -qF "同意あり" || fail "summary PDF does not name the covering consent"
# Esc leaves the question without printing.
ui_keys p
ui_wait "Print the case summary"
ui_keys Escape
ui_gone "Print the case summary"
[ "$(q "SELECT count(*) FROM disclosure")" = 2 ] || fail "Esc recorded a disclosure"
exit 0
