# Issue 13, monitoring months, through `tsunagi due --format csv` with a
# fixed today: the end-month rule (the decision period's last month, the
# others counted back from it), a 4-month interval, a month recorded as
# not done with its reason, a certificate whose decision period ends on
# another day than the plan, and the certificate's monitoring range
# checked against the computed months.
. "$(dirname "$0")/lib.sh"

# due as CSV without the BOM and CR, the rows of one client (and the
# header), without the last column (the sheet's section).
rows_of() {
	local id=$1; shift
	tsu "$@" --format csv | tr -d '\r' | sed -e '1s/^\xef\xbb\xbf//' -e 's/,[a-z]*$//' |
		awk -F, -v id="$id" 'NR == 1 || $4 == id'
}

{
tsu client add --name "山田 太郎" --kana "やまだ たろう" --birth 1980-01-01 &&
tsu client add --name "佐藤 花子" --kana "さとう はなこ" --birth 1975-05-05 &&
tsu client add --name "鈴木 一郎" --kana "すずき いちろう" --birth 1970-03-03 &&
tsu client add --name "高橋 恵子" --kana "たかはし けいこ" --birth 1990-07-07 &&
tsu client add --name "伊藤 誠" --kana "いとう まこと" --birth 1985-02-02 &&
# FORMS.md's example: valid 2025-09-01 to 2026-06-30, every 3 months.
tsu plan add 1 --from 2025-09-01 --to 2026-06-30 --monitoring-months 3 &&
# Every 4 months over a year.
tsu plan add 2 --from 2026-05-01 --to 2027-04-30 --monitoring-months 4 &&
# Monthly; November could not be done.
tsu plan add 3 --from 2025-10-01 --to 2026-09-30 --monitoring-months 1 &&
# The plan ends a month before the recipient certificate.
tsu cert add 4 --kind service --from 2025-10-01 --to 2026-09-30 &&
tsu plan add 4 --from 2025-10-01 --to 2026-08-31 --monitoring-months 6 &&
# Client 5's certificate and plan agree.
tsu cert add 5 --kind service --from 2025-10-01 --to 2026-09-30 &&
tsu plan add 5 --from 2025-10-01 --to 2026-09-30 --monitoring-months 6
} >/dev/null 2>&1 || fail "fixture"

# The end-month rule: December, March, June - not November, February and
# May, which counting forward from September gave.
expect_output "end-month rule" rows_of 1 --today 2025-12-01 due --from 2025-09-01 --days 366 --kind monitoring <<'X'
due_on,state,kind,client_id,client_name,detail
2025-12-31,due,monitoring,1,山田 太郎,monitoring for 2025-12
2026-03-31,upcoming,monitoring,1,山田 太郎,monitoring for 2026-03
2026-06-30,upcoming,monitoring,1,山田 太郎,monitoring for 2026-06
X

# Every 4 months: August, December, April (today 2026-11-23: August is
# past and missed).
expect_output "4-month interval" rows_of 2 due --from 2026-11-01 --days 200 --kind monitoring <<'X'
due_on,state,kind,client_id,client_name,detail
2026-08-31,overdue,monitoring,2,佐藤 花子,monitoring for 2026-08 (missed)
2026-12-31,upcoming,monitoring,2,佐藤 花子,monitoring for 2026-12
2027-04-30,upcoming,monitoring,2,佐藤 花子,monitoring for 2027-04
X
expect_fail "13 months" 2 "monitoring interval.*13.*from 1 to 12" \
	tsu plan add 2 --from 2026-05-01 --to 2027-04-30 --monitoring-months 13

# A month not done, with its reason: not missed, but not done.
tsu not-done add 3 --month 2025-11 --reason hospital --text "肺炎で入院" >/dev/null || fail "not-done add"
expect_output "not done" rows_of 3 --today 2025-11-20 due --from 2025-11-01 --days 30 --kind monitoring <<'X'
due_on,state,kind,client_id,client_name,detail
2025-10-31,overdue,monitoring,3,鈴木 一郎,monitoring for 2025-10 (missed)
2025-11-30,not_done,monitoring,3,鈴木 一郎,monitoring for 2025-11 (not done: in hospital: 肺炎で入院)
X
# --initials leaves the worker's words out, the reason in.
tsu --today 2025-11-20 due --from 2025-11-01 --days 30 --kind monitoring --format csv --initials |
	grep -q "2025-11 (not done: in hospital)" || fail "initials"
# Once the month is out there is nothing more to do: off the list (the
# missed October stays), on the record.
expect_output "not done, past" rows_of 3 --today 2025-12-05 due --from 2025-11-01 --days 30 --kind monitoring <<'X'
due_on,state,kind,client_id,client_name,detail
2025-10-31,overdue,monitoring,3,鈴木 一郎,monitoring for 2025-10 (missed)
X
# A monitoring done in the month after all meets it.
tsu monitoring add 3 --on 2025-11-28 >/dev/null || fail "monitoring add"
rows_of 3 --today 2025-11-29 due --from 2025-11-01 --days 30 --kind monitoring | grep -q "2025-11" &&
	fail "a month met still listed"
expect_fail "other without words" 1 "reason 'other': say what" \
	tsu not-done add 3 --month 2025-12 --reason other
expect_fail "unknown reason" 2 "'busy' is not one of hospital, postponed, unreachable, other" \
	tsu not-done add 3 --month 2025-12 --reason busy
expect_fail "not a monitoring month" 2 "2026-06 is not a monitoring month of the plan in force \(its months: 2026-08, 2026-12, 2027-04\)" \
	tsu not-done add 2 --month 2026-06 --reason postponed
expect_output "listed" sh -c "\"$TSUNAGI_BIN\" --db \"$DB\" not-done list 3 | cut -f 4-" <<'X'
month	reason	detail
2025-11	hospital	肺炎で入院
X

# The certificate's decision period ends after the plan's: a mismatch,
# dated the plan's first day, until the paperwork is put right.
expect_output "mismatch" sh -c "\"$TSUNAGI_BIN\" --db \"$DB\" due --kind mismatch --format csv | tr -d '\r' | sed '1s/^\xef\xbb\xbf//'" <<'X'
due_on,state,kind,client_id,client_name,detail,section
2025-10-01,overdue,mismatch,4,高橋 恵子,"recipient certificate ends 2026-09-30, after the plan period",overdue
X
tsu cert add 4 --kind service --from 2025-10-01 --to 2026-08-31 >/dev/null || fail "cert"
[ "$(tsu due --kind mismatch --format csv | wc -l)" = 1 ] || fail "mismatch not gone: $(tsu due --kind mismatch --format csv)"

# The certificate writes 3月ごと(R7.11〜R8.5): a count forward; the plan's
# months are December, March and June.  Saved, with a note, and a mismatch.
tsu plan add 1 --from 2025-09-01 --to 2026-06-30 --monitoring-months 3 \
	--cert-months-from R7.11 --cert-months-to R8.5 >/dev/null 2>"$T/note" || fail "plan with range"
grep -q "note: the certificate's monitoring months (every 3 months, 2025-11 to 2026-05) differ from the months the end-month rule gives: 2025-12, 2026-03, 2026-06" "$T/note" ||
	fail "no note: $(cat "$T/note")"
rows_of 1 due --kind mismatch | grep -q "2025-09-01,overdue,mismatch,1,山田 太郎,the certificate's monitoring months (2025-11 to 2026-05) differ from the plan's" ||
	fail "range mismatch: $(rows_of 1 due --kind mismatch)"
# One that agrees says nothing.
tsu plan add 1 --from 2025-09-01 --to 2026-06-30 --monitoring-months 3 \
	--cert-months-from 2025-12 --cert-months-to 2026-06 >/dev/null 2>"$T/note" || fail "plan with range"
[ ! -s "$T/note" ] || fail "note for a range that agrees: $(cat "$T/note")"
[ "$(rows_of 1 due --kind mismatch | wc -l)" = 1 ] || fail "range mismatch not gone"
expect_fail "half a range" 1 "need both the first and the last month" \
	tsu plan add 1 --from 2025-09-01 --to 2026-06-30 --monitoring-months 3 --cert-months-from 2025-12
exit 0
