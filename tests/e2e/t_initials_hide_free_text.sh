# --initials leaves no name from any free-text field on the due list (text,
# CSV, PDF) or the iCal export: a consent's party and purpose, an action
# item and a plan row's need can all hold names, so only the program's
# wording and the client's initials remain.
. "$(dirname "$0")/lib.sh"

tsu client add --name "山田 花子" --kana "やまだ はなこ" --birth 1980-01-01 > /dev/null || fail "client add"
tsu consent add 1 --with "母 山田春子" --purpose "山田花子さんの情報を共有" --from 2026-01-01 --to 2026-11-28 > /dev/null ||
	fail "consent add"
tsu plan add 1 --from 2026-04-01 --to 2027-03-31 --monitoring-months 3 --final --consented 2026-04-01 > /dev/null ||
	fail "plan add"
sqlite3 "$DB" "INSERT INTO plan_row (plan_id, need, review_on) VALUES (1, '佐藤次郎さんと暮らしたい', '2026-11-27');
	INSERT INTO meeting (client_id, held_on) VALUES (1, '2026-11-01');
	INSERT INTO action_item (meeting_id, what, due_on) VALUES (1, '鈴木医師に連絡', '2026-11-26');" || fail "planting"
names='山田|花子|春子|佐藤|次郎|鈴木'

# Without --initials the text is there (so the test can see it go).
tsu due --week this > "$T/plain.txt" || fail "due"
for n in 春子 佐藤次郎 鈴木医師; do grep -q "$n" "$T/plain.txt" || fail "the planted '$n' is not on the plain list"; done

tsu due --week this --initials > "$T/i.txt" || fail "due --initials"
tsu due --week this --initials --format csv > "$T/i.csv" || fail "due --initials csv"
tsu due --week this --initials --format pdf -o "$T/i.pdf" || fail "due --initials pdf"
pdftotext -enc UTF-8 "$T/i.pdf" "$T/i.pdf.txt" || fail "pdftotext"
tsu export ical --initials -o "$T/i.ics" || fail "ical --initials"
# iCal folds long lines: unfold before searching.
sed -e ':a' -e 'N' -e '$!ba' -e 's/\r\n //g' "$T/i.ics" > "$T/i.ics.txt"
for f in i.txt i.csv i.pdf.txt i.ics.txt; do
	if grep -Eq "$names" "$T/$f"; then
		grep -En "$names" "$T/$f" >&2
		fail "$f names someone"
	fi
	grep -q "Y.H." "$T/$f" || fail "$f lacks the initials"
done
grep -q "consent ends" "$T/i.txt" || fail "the consent item lost its kind"
grep -q "meeting action item" "$T/i.txt" || fail "the action item lost its kind"
grep -q "plan review" "$T/i.txt" || fail "the review lost its kind"
