# Issue 13's monitoring months as the worker meets them, through
# `tsunagi alarms` with a fixed today: the end-month rule (the decision
# period's last month, the others counted back from it), a 4-month
# interval, and a month recorded as not done with its reason.
. "$(dirname "$0")/lib.sh"

{
tsu client add --name "山田 太郎" --kana "やまだ たろう" --birth 1980-01-01 &&
tsu client add --name "佐藤 花子" --kana "さとう はなこ" --birth 1975-05-05 &&
tsu client add --name "鈴木 一郎" --kana "すずき いちろう" --birth 1970-03-03 &&
# FORMS.md's example: valid 2025-09-01 to 2026-06-30, every 3 months.
tsu plan add 1 --from 2025-09-01 --to 2026-06-30 --monitoring-months 3 --final --consented 2025-08-28 &&
# Every 4 months over a year.
tsu plan add 2 --from 2026-05-01 --to 2027-04-30 --monitoring-months 4 --final --consented 2026-04-25 &&
# Monthly; November could not be done.
tsu plan add 3 --from 2025-10-01 --to 2026-09-30 --monitoring-months 1 --final --consented 2025-09-28 &&
tsu monitoring add 3 --on 2025-10-20 &&
tsu not-done add 3 --month 2025-11 --reason hospital --text "肺炎で入院"
} >/dev/null 2>&1 || fail "fixture"

alarms_of() {   # CLIENT TODAY: that client's monitoring rows of the alarm list
	tsu --today "$2" alarms --format tsv --kind monitoring | awk -F'\t' -v c="$1" '$4 == c'
}

# End-month rule: nothing in November (a count forward from September
# would have put a monitoring there), December from its first day.
[ -z "$(alarms_of 1 2025-11-15)" ] || fail "November listed: $(alarms_of 1 2025-11-15)"
expect_output "end-month rule: December" alarms_of 1 2025-12-01 <<'X'
month	2025-12-31	monitoring	1	山田 太郎	monitoring for 2025-12
X
# ... and March, not February.
alarms_of 1 2026-02-10 | grep -q "2026-02" && fail "February listed: $(alarms_of 1 2026-02-10)"
expect_output "end-month rule: March" alarms_of 1 2026-03-02 <<'X'
overdue	2025-12-31	monitoring	1	山田 太郎	monitoring for 2025-12 (missed)
month	2026-03-31	monitoring	1	山田 太郎	monitoring for 2026-03
X

# Every 4 months: August (missed by today), then December.
expect_output "4-month interval" alarms_of 2 2026-11-23 <<'X'
overdue	2026-08-31	monitoring	2	佐藤 花子	monitoring for 2026-08 (missed)
X
expect_output "4-month interval: December" alarms_of 2 2026-12-01 <<'X'
overdue	2026-08-31	monitoring	2	佐藤 花子	monitoring for 2026-08 (missed)
month	2026-12-31	monitoring	2	佐藤 花子	monitoring for 2026-12
X

# Not done, with its reason: with the month's monitorings, not missed,
# until the month is out.
expect_output "not done" alarms_of 3 2025-11-20 <<'X'
month	2025-11-30	monitoring	3	鈴木 一郎	monitoring for 2025-11 (not done: in hospital: 肺炎で入院)
X
expect_output "not done, month out" alarms_of 3 2025-12-02 <<'X'
month	2025-12-31	monitoring	3	鈴木 一郎	monitoring for 2025-12
X
