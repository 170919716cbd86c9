# tsunagi stats (issue 14, caseload health): the figures of a small case
# load worked out by hand, as text, as TSV with its stable columns, and as
# an A4 PDF whose labels pdftotext reads; the settings that change them;
# bad input; the T screen at 80x24 (the whole screen), its month keys and
# its PDF, and the '#' bars of a terminal without block characters.
#
# Today 2026-11-23; the window is 2025-12 .. 2026-11.
#  山田 (plan): final plan 2026-05-01 .. 2027-04-30 every 3 months; the
#    end-month rule gives 2027-04, 01, 2026-10, 07.  Done 07-15 (met);
#    October not done -> missed.
#  佐藤 (child): final plan 2026-09-01 .. 2027-08-31 monthly: 9, 10, 11.
#    Done 09-10 and 10-10; November recorded not done (入院) -> apart.
#  -> due 5, met 3, not done 1, missed 1: 3 / 5 = 60.0%.
#  Notes: 07-15 written 07-16 (on time), 10-01 written 10-08 (7 days:
#    late), 11-20 written 11-23 (3 days: on time) -> 1 of 3, 33.3%.
#  Unwritten: 佐藤's monitorings 09-10 (74 days) and 10-10 (44 days) have
#    no note that day; 山田's 07-15 has one.
#  New: 2026-05 (山田's plan), 2026-09 (佐藤's); 2 active, 2 per worker.
. "$(dirname "$0")/lib.sh"

{
tsu client add --name "山田 太郎" --kana "やまだ たろう" --birth 1980-01-01 &&
tsu client add --name "佐藤 花子" --kana "さとう はなこ" --birth 2015-04-01 --kind child &&
tsu plan add 1 --from 2026-05-01 --to 2027-04-30 --monitoring-months 3 --final --consented 2026-05-01 &&
tsu plan add 2 --from 2026-09-01 --to 2027-08-31 --monitoring-months 1 --final --consented 2026-09-01 &&
tsu monitoring add 1 --on 2026-07-15 &&
tsu monitoring add 2 --on 2026-09-10 &&
tsu monitoring add 2 --on 2026-10-10 &&
tsu not-done add 2 --month 2026-11 --reason hospital &&
TSUNAGI_TODAY=2026-07-16 tsu note add 1 --on 2026-07-15 --kind visit --text "訪問した" &&
tsu --today 2026-10-08 note add 2 --on 2026-10-01 --kind phone --text "電話" &&
tsu note add 2 --on 2026-11-20 --kind phone --text "電話2"
} >/dev/null || fail "fixture"

expect_output "text" tsu stats <<'X'
Caseload health, 2025-12 to 2026-11 (as of 2026-11-23)

Monitoring done in its month (met; not done with a reason is apart, not met),
notes written more than 3 days after their day (late), clients new and closed:
month         due   met w/reason   missed this month on time notes notes late late rate   new closed
2025-12         0     0        0        0        0       -     0     0       -     0     0
2026-01         0     0        0        0        0       -     0     0       -     0     0
2026-02         0     0        0        0        0       -     0     0       -     0     0
2026-03         0     0        0        0        0       -     0     0       -     0     0
2026-04         0     0        0        0        0       -     0     0       -     0     0
2026-05         0     0        0        0        0       -     0     0       -     1     0
2026-06         0     0        0        0        0       -     0     0       -     0     0
2026-07         1     1        0        0        0  100.0%     1     0    0.0%     0     0
2026-08         0     0        0        0        0       -     0     0       -     0     0
2026-09         1     1        0        0        0  100.0%     0     0       -     1     0
2026-10         2     1        0        1        0   50.0%     1     1  100.0%     0     0
2026-11         1     0        1        0        0    0.0%     1     0    0.0%     0     0
total           5     3        1        1        0   60.0%     3     1   33.3%     2     0

Active clients: 2
  by kind: planning 1 child 1 transition 0 retention 0
  by support level: not entered 2
  planning and child cases per worker: 2 / 1.0 = 2.0 (threshold 40)

GAS: goals at 0 or above at their latest monitoring: 0 of 0 (-)
  goals scored twice or more: 0; at 0 or above - before, - now; up 0, same 0, down 0

Oldest unwritten (done with no note or report yet): 2
  2026-09-10  monitoring  佐藤 花子 (id 2), 74 days ago
  2026-10-10  monitoring  佐藤 花子 (id 2), 44 days ago
X

# TSV: the column names and the lines a spreadsheet reads.
tsu stats --format tsv > "$T/tsv" || fail "tsv"
head -1 "$T/tsv" | grep -qx "$(printf 'month\tmon_due\tmon_met\tmon_not_done\tmon_missed\tmon_open\tmon_rate\tnotes\tnotes_late\tnotes_unknown\tlate_rate\tstarted\tclosed')" ||
	fail "tsv head: $(head -1 "$T/tsv")"
for want in 'total	5	3	1	1	0	60.0	3	1	0	33.3	2	0' 'figure	key	value' \
	'kind	child	1' 'caseload	per_worker	2.0' 'setting	cutoff	2026-11-23' \
	'unwritten_on	event	client_id	client	days' '2026-09-10	monitoring	2	佐藤 花子	74'; do
	grep -qxF "$want" "$T/tsv" || fail "tsv lacks '$want'"
done
tsu stats --format tsv --initials | grep -q "佐藤" && fail "--initials left a name in the TSV"

# The settings: notes late only after 7 days, two workers; October's
# window ends on 10-31.
printf 'office = ひだまり相談支援センター\nworker = 佐藤 花子\nrecord_delay_days = 7\nbilling.workers = 2\n' > "$XDG_CONFIG_HOME/tsunagi/config"
tsu stats --month 2026-10 --format tsv > "$T/tsv" || fail "tsv October"
grep -qxF 'total	4	3	0	1	0	75.0	2	0	0	0.0	2	0' "$T/tsv" ||
	fail "October's total: $(grep ^total "$T/tsv")"
grep -qxF 'caseload	per_worker	1.0' "$T/tsv" || fail "two workers: $(grep per_worker "$T/tsv")"
grep -qxF 'setting	record_delay_days	7' "$T/tsv" || fail "the delay setting"
# A bad setting is reported and the default stays.
printf 'record_delay_days = 400\n' > "$XDG_CONFIG_HOME/tsunagi/config"
tsu stats --format tsv > "$T/tsv" 2> "$T/err" || fail "stats with a bad setting"
grep -q "config line 1: the days must be a whole number from 0 to 365; the line is ignored" "$T/err" ||
	fail "no warning: $(cat "$T/err")"
grep -qxF 'setting	record_delay_days	3' "$T/tsv" || fail "the default delay"
printf 'office =\nworker =\n' > "$XDG_CONFIG_HOME/tsunagi/config"

expect_fail "bad month" 2 "^tsunagi: --month: .*see 'tsunagi stats --help'" tsu stats --month 2026-13
expect_fail "bad format" 2 "'csv' is not one of text, tsv, pdf" tsu stats --format csv
expect_fail "extra argument" 2 "unexpected argument 'x'" tsu stats x

# The PDF page: its labels and figures, in English and in Japanese.
tsu stats --format pdf -o "$T/s.pdf" || fail "pdf"
[ "$(stat -c %a "$T/s.pdf")" = 600 ] || fail "the PDF is mode $(stat -c %a "$T/s.pdf")"
# (pdftotext's spaces depend on the glyphs' spacing: compare without.)
pdftotext "$T/s.pdf" - | tr -d ' \n' > "$T/s.txt" || fail "pdftotext"
for want in "Caseload health, 2025-12 to 2026-11 (as of 2026-11-23)" "Monitoring done in its due month (%)" \
	"Notes written more than 3 days after their day (%)" "Clients new (blue) and closed (orange)" \
	"60.0%" "33.3%" "佐藤 花子 (id 2), 74 days ago" "26/11" "1 / 1"; do
	grep -qF "$(printf %s "$want" | tr -d ' ')" "$T/s.txt" || fail "the PDF lacks '$want'"
done
LANG=ja_JP.UTF-8 tsu stats --format pdf -o "$T/ja.pdf" || fail "pdf ja"
pdftotext "$T/ja.pdf" - | tr -d ' \n' > "$T/ja.txt"
for want in "ケースロードの状況2025年12月〜2026年11月（基準日2026-11-23）" "モニタリング期限遵守率（%）" \
	"記録遅延率" "新規（青）と終結（橙）の利用者数" "遵守率" "実施漏れ" "未記録"; do
	grep -qF "$want" "$T/ja.txt" || fail "the Japanese PDF lacks '$want'"
done

# The screen: T from the alarm list, the whole screen at 80x24.
ui_start 80 24 --
ui_wait "Overdue"
ui_keys T
ui_wait "Oldest unwritten"
ui_screen > "$T/screen"
diff -u - "$T/screen" >&2 <<'X' || fail "the stats screen differs"
 tsunagi | Caseload health                                2026-11-23 (R8.11.23)
Caseload health, 2025-12 to 2026-11 (as of 2026-11-23)
month      monitoring on time           notes written late           new  closed
2025-12          -                            -                          0    0
2026-01          -                            -                          0    0
2026-02          -                            -                          0    0
2026-03          -                            -                          0    0
2026-04          -                            -                          0    0
2026-05          -                            -                          1    0
2026-06          -                            -                          0    0
2026-07     100.0% ████████████████████    0.0%                          0    0
2026-08          -                            -                          0    0
2026-09     100.0% ████████████████████       -                          1    0
2026-10      50.0% ██████████            100.0% ████████████████████     0    0
2026-11       0.0%                         0.0%                          0    0
total        60.0% ████████████           33.3% ██████▋                  2    0
Active clients: 2
  by kind: planning 1 child 1 transition 0 retention 0
  by support level: not entered 2
  planning and child cases per worker: 2 / 1.0 = 2.0 (threshold 40)
GAS: goals at 0 or above at their latest monitoring: 0 of 0 (-)
  goals scored twice or more: 0; at 0 or above - before, - now; up 0, same 0, d…
Oldest unwritten (done with no note or report yet): 2
 Left:month before  Right:month after  p:PDF  P:printer  q:back  ?:help
X
# j scrolls the lines that do not fit: the oldest unwritten event.
ui_keys j j j
ui_wait "2026-09-10  monitoring  佐藤 花子 (id 2), 74 days ago"
ui_screen | grep -q "^Active clients" && fail "j did not scroll"
# ← to October: its window and rate; p saves its page.
ui_keys Left
ui_wait "Caseload health, 2025-11 to 2026-10 (as of 2026-10-31)"
ui_wait "total        75.0%"
ui_keys p
ui_wait "Saved the PDF as"
[ -f "$HOME/tsunagi-print/stats-2026-10.pdf" ] || fail "no stats-2026-10.pdf: $(ls "$HOME/tsunagi-print")"
pdftotext "$HOME/tsunagi-print/stats-2026-10.pdf" - | tr -d ' \n' | grep -qF "2025-11to2026-10" || fail "the saved PDF is not October's"
ui_keys Q
ui_wait_dead 5
tmux -L "$TMUX_SOCK" kill-server

# A vt100 cannot draw the eighth blocks: the bars are '#'.
UI_TERM=vt100 ui_start 80 24 --
ui_wait "Overdue"
ui_keys T
ui_wait "Oldest unwritten"
ui_screen > "$T/vt100"
grep -Eq "^2026-07 +100\.0% #{20} " "$T/vt100" || fail "no ASCII bar: $(cat "$T/vt100")"
grep -q "[▏▎▍▌▋▊▉█]" "$T/vt100" && fail "block characters on a vt100"
ui_keys Q
ui_wait_dead 5
exit 0
