# tsunagi billing on the demo case load, last month (2026-10 with today
# 2026-11-23): every kind of row - billable plans and monitorings with
# their fee and units, each 加算 candidate with its record or as
# requirements unconfirmed, each problem - in text, CSV (UTF-8 with a
# BOM, or CP932) and the PDF's labels; --initials hides names and 相手;
# a bad month is one line and exit 2.
. "$(dirname "$0")/lib.sh"

tsu demo >/dev/null 2>&1 || fail "demo"

# One row per item: client, section, item, date, units, status (the
# evidence column names record ids, checked below for a few rows).
tsu billing --month 2026-10 --format csv -o "$T/b.csv" || fail "csv"
expect_output "csv rows" sh -c "tail -c +4 '$T/b.csv' | python3 -c '
import csv, sys
for r in csv.DictReader(sys.stdin):
    print(r[\"client_id\"], r[\"section\"], r[\"item\"], r[\"date\"], r[\"units\"], r[\"status\"])'" <<'X'
5 billable cont.1 2026-10-03 1260 billable
8 billable cont.1 2026-10-01 1260 check
9 billable plan.1 2026-10-04 1522 billable
13 billable cont.1 2026-10-24 1260 check
17 billable cont.1 2026-10-20 1260 billable
25 billable cont.1 2026-10-10 1260 billable
28 billable cont.1 2026-10-01 1260 billable
30 billable cont.1 2026-10-07 1260 billable
35 billable ccont.1 2026-10-12 1371 billable
37 billable cont.1 2026-10-24 1260 billable
4 addon hosp2 2026-10-01 150 unconfirmed
5 addon meeting 2026-10-03 100 candidate
5 addon provmon 2026-10-03 100 candidate
7 addon intensive 2026-10-19 300 candidate
9 addon first 2026-10-04 300 candidate
13 addon hosp1 2026-10-03 300 candidate
13 addon discharge 2026-10-21 300 candidate
13 addon kyotaku 2026-10-23 100 candidate
7 problem problem.not_due 2026-10-12 0 not_billable
8 problem problem.no_report 2026-10-01 0 not_billable
8 problem problem.double 2026-10-19 0 not_billable
13 problem problem.no_recipient 2026-10-24 0 not_billable
18 problem problem.no_consent 2026-10-01 0 not_billable
X
[ "$(head -c 3 "$T/b.csv" | od -An -tx1 | tr -d ' ')" = "efbbbf" ] || fail "no BOM"
head -1 "$T/b.csv" | tr -d '\r' | grep -q "month,client_id,client_name,recipient_no,section,item,label,date,units,evidence,status,note$" \
	|| fail "CSV columns: $(head -1 "$T/b.csv")"
grep -q '^2026-10,5,森 健一,1400100148,addon,provmon,サービス提供時モニタリング加算,2026-10-03,100,"note #[0-9]* 2026-10-03 (home visit), with 生活介護事業所 ひかり",candidate,' "$T/b.csv" \
	|| fail "the provider visit's evidence: $(grep provmon "$T/b.csv")"
grep -q '^2026-10,13,加藤 美咲,,billable,' "$T/b.csv" || fail "the client without a number"
[ "$(stat -c %a "$T/b.csv")" = 600 ] || fail "output file mode"
tsu billing --month 2026-10 --format csv --no-bom | head -c 5 | grep -q "^month" || fail "--no-bom"

# CP932 for Excel: decoded back it is the UTF-8 file without the BOM.
tsu billing --month 2026-10 --format csv --encoding cp932 -o "$T/sjis.csv" || fail "cp932"
iconv -f CP932 -t UTF-8 "$T/sjis.csv" | cmp - <(tail -c +4 "$T/b.csv") || fail "CP932 differs"

# Text: the sections with their totals: 8 x 1260 + 1522 + 1371 = 12973;
# candidates 100 + 100 + 300 + 300 + 300 + 300 + 100 = 1500 (not the
# unconfirmed 150).
tsu billing --month 2026-10 > "$T/b.txt" || fail "text"
for s in "Billing worksheet for 2026-10 (a worksheet to check against, not the 国保連 transmission file)" \
	"[Billable] (10)" "  Total: 10 items, 12973 units" \
	"[加算 candidates (not counted: confirm each first)] (8)" \
	"  加算 candidates with evidence: 1500 units (not in the total)" \
	"[Problems to put right before the 10th (not billable as they are)] (5)" \
	"Category: not 機能強化型  Workers: 1.0 (the (Ⅱ) rate from item 40)" \
	"  2026-10-04  加藤 大輔 (#9, recipient no. 1400100296)  サービス利用支援費（Ⅰ）  1522 units  [billable]" \
	"      missing: a note of the information given to the hospital (入院)" \
	"      record: monitoring #52 done 2026-10-12" ; do
	grep -qF -- "$s" "$T/b.txt" || fail "text lacks '$s': $(cat "$T/b.txt")"
done

# The category and the workers from the config: 機能強化型（Ⅱ） bills
# continuing support at 1513: 8 x 1513 + 1764 + 1624 (the child's,
# unconfirmed) = 15492.
printf 'office =\nworker =\nbilling.category = 2\nbilling.workers = 1.5\n' > "$XDG_CONFIG_HOME/tsunagi/config"
tsu billing --month 2026-10 | grep -qF "  Total: 10 items, 15492 units" || fail "category 2: $(tsu billing --month 2026-10 | grep Total)"
tsu billing --month 2026-10 | grep -qF "Category: 機能強化型（Ⅱ）  Workers: 1.5 (the (Ⅱ) rate from item 60)" || fail "category line"
printf 'office =\nworker =\nbilling.category = 7\n' > "$XDG_CONFIG_HOME/tsunagi/config"
tsu billing --month 2026-10 2> "$T/warn" | grep -qF "Total: 10 items, 12973 units" || fail "a bad category is ignored"
grep -q "config line 3: billing.category must be none, 1, 2, 3 or 4" "$T/warn" || fail "bad category warning: $(cat "$T/warn")"
printf 'office =\nworker =\n' > "$XDG_CONFIG_HOME/tsunagi/config"

# --initials: no name, no 相手.
tsu billing --month 2026-10 --initials > "$T/i.txt" || fail "initials"
grep -q "森 健一\|生活介護事業所 ひかり\|市民病院" "$T/i.txt" && fail "a name with --initials"
grep -q "(#5, recipient no. 1400100148)" "$T/i.txt" || fail "initials text"

# PDF: the labels come back.
tsu billing --month 2026-10 --format pdf -o "$T/b.pdf" || fail "pdf"
pdftotext -layout "$T/b.pdf" "$T/b.pdf.txt" || fail "pdftotext"
for s in "Billing worksheet for 2026-10" "Billable: 10 items, 12973 units" "加算 candidates: 8" \
	"Problems before the 10th: 5" "継続サービス利用支援費（Ⅰ）" "退院・退所加算" "集中支援加算" \
	"the same event counted twice" "森 健一"; do
	grep -qF "$s" "$T/b.pdf.txt" || fail "PDF lacks '$s': $(cat "$T/b.pdf.txt")"
done

# Bad usage: one line, exit 2, nothing written.
expect_fail "bad month" 2 "^tsunagi: --month: '2026-13' is not a month; write it as YYYY-MM, e.g. 2026-11" tsu billing --month 2026-13
[ "$(tsu billing --month 2026-13 2>&1 | wc -l)" -le 2 ] || fail "more than the message"
expect_fail "no month" 2 "month YYYY-MM is required" tsu billing
expect_fail "bad format" 2 "'xls' is not one of text, pdf, csv" tsu billing --month 2026-10 --format xls
tsu billing --month 2026-13 -o "$T/none.csv" 2>/dev/null
[ ! -e "$T/none.csv" ] || fail "a file was written on bad usage"
tsu billing --help | grep -q "not the 国保連 transmission file" || fail "--help"

# A monitoring whose only writing is its remarks has its report: the one
# definition the worksheet shares with caseload health's "unwritten"
# (STORE_MONITORING_REPORTED).  Client 8's problem goes.
[ "$(sqlite3 "$DB" "SELECT count(*) FROM monitoring WHERE client_id = 8 AND done_on = '2026-10-01'")" = 1 ] ||
	fail "client 8's monitoring of 2026-10-01 is not in the demo"
sqlite3 "$DB" "UPDATE monitoring SET remarks = '本人不在、母に電話で確認' WHERE client_id = 8 AND done_on = '2026-10-01'"
tsu billing --month 2026-10 --format csv > "$T/b2.csv" || fail "csv after the remarks"
grep -q ',problem,problem.no_report,' "$T/b2.csv" && fail "a monitoring with its remarks still counts as without its report"
grep -q '^2026-10,8,.*,billable,cont.1,' "$T/b2.csv" || fail "client 8's monitoring is not billed: $(grep '^2026-10,8,' "$T/b2.csv")"
exit 0
