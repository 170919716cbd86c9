# Overdue items never drop off the due list or the alarm list by age,
# except missed monitoring months (which cannot be made up) after 92 days.
. "$(dirname "$0")/lib.sh"

tsu client add --name "山田 太郎" --kana "やまだ たろう" --birth 1970-03-02 >/dev/null || fail setup
# A certificate that ended in April and was never renewed.
tsu cert add 1 --kind service --from 2025-05-01 --to 2026-04-30 >/dev/null || fail cert
# A monthly plan: every month met but July (missed long ago) and October.
tsu plan add 1 --from 2026-01-01 --to 2026-12-31 --monitoring-months 1 --final --consented 2025-12-25 >/dev/null || fail plan
for m in 01 02 03 04 05 06 08 09 11; do
	tsu monitoring add 1 --on 2026-$m-10 >/dev/null || fail "monitoring $m"
done
tsu due --overdue --format csv | tr -d '\r' | tail -n +2 | cut -d, -f1-3 > "$T/overdue"
grep -qx '2026-04-30,overdue,certificate' "$T/overdue" || fail "the old certificate is not listed: $(cat "$T/overdue")"
grep -qx '2026-10-31,overdue,monitoring' "$T/overdue" || fail "October's missed monitoring is not listed: $(cat "$T/overdue")"
! grep -q '2026-07-31' "$T/overdue" || fail "July's missed monitoring is still listed after 92 days"

# The alarm list shows the certificate too.
ui_start 100 30 --
ui_wait "Overdue"
ui_wait "2026-04-30"
