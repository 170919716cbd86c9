# tsunagi calendar: the month grid (Monday first, holidays marked, due
# items counted per day), its monitorings, and the TSV form.
. "$(dirname "$0")/lib.sh"

{
tsu client add --name "山田 太郎" --kana "やまだ たろう" --birth 1980-01-01 &&
tsu client add --name "佐藤 花子" --kana "さとう はなこ" --birth 1990-02-02 &&
tsu cert add 1 --kind service --from 2025-11-28 --to 2026-11-27 &&
tsu plan add 1 --from 2026-09-01 --to 2027-08-31 --monitoring-months 1 --final --consented 2026-08-25 &&
tsu plan add 2 --from 2026-06-01 --to 2027-05-31 --monitoring-months 6 --final --consented 2026-05-25 &&
tsu monitoring add 1 --on 2026-11-10
} >/dev/null || fail "fixture"

expect_output "text" tsu calendar <<'X'
2026-11  令和8年11月

  Mon        Tue        Wed        Thu        Fri        Sat        Sun
                                                                    1

  2          3*         4          5          6          7          8

  9         10         11         12         13         14         15

 16         17         18         19         20         21         22

 23*        24         25         26         27         28         29
                                              (1)
 30
  (1)

* holidays: 3 文化の日, 23 勤労感謝の日
(n) items due that day

Monitorings this month:
  2026-11-10 (Tue)  山田 太郎             monitoring for 2026-11 (done)
  2026-11-30 (Mon)  佐藤 花子             monitoring for 2026-11

Meetings and visits this month:
  (none)
X

expect_output "tsv, a month with a substitute holiday" tsu calendar --month 2026-05 --format tsv <<'X'
2026-05-01	Fri		0
2026-05-02	Sat		0
2026-05-03	Sun	憲法記念日	0
2026-05-04	Mon	みどりの日	0
2026-05-05	Tue	こどもの日	0
2026-05-06	Wed	振替休日	0
2026-05-07	Thu		0
2026-05-08	Fri		0
2026-05-09	Sat		0
2026-05-10	Sun		0
2026-05-11	Mon		0
2026-05-12	Tue		0
2026-05-13	Wed		0
2026-05-14	Thu		0
2026-05-15	Fri		0
2026-05-16	Sat		0
2026-05-17	Sun		0
2026-05-18	Mon		0
2026-05-19	Tue		0
2026-05-20	Wed		0
2026-05-21	Thu		0
2026-05-22	Fri		0
2026-05-23	Sat		0
2026-05-24	Sun		0
2026-05-25	Mon		0
2026-05-26	Tue		0
2026-05-27	Wed		0
2026-05-28	Thu		0
2026-05-29	Fri		0
2026-05-30	Sat		0
2026-05-31	Sun		0
X

tsu calendar --month 2026-11 --format tsv > "$T/nov.tsv" || fail "tsv"
[ "$(wc -l < "$T/nov.tsv")" = 30 ] || fail "30 days"
grep -qx "$(printf '2026-11-27\tFri\t\t1')" "$T/nov.tsv" || fail "certificate day"
grep -qx "$(printf '2026-11-30\tMon\t\t1')" "$T/nov.tsv" || fail "monitoring day"
grep -qx "$(printf '2026-11-10\tTue\t\t0')" "$T/nov.tsv" || fail "a done monitoring is not due"
tsu calendar --month R8.12 --format tsv | head -1 | grep -q "^2026-12-01	Tue" || fail "era month"
expect_fail "bad month" 2 "--month" tsu calendar --month 2026-13
expect_fail "bad format" 2 "--format" tsu calendar --format pdf
exit 0
