# A certificate that ends within 90 days is on the alarm list (the start
# screen) with its urgency as text, and Enter opens the client's card on
# the certificates tab at that very certificate.
. "$(dirname "$0")/lib.sh"

tsu client add --name "佐藤 一郎" --kana "さとう いちろう" --birth 1970-01-01 >/dev/null || fail "client add"
tsu cert add 1 --kind service --from 2025-01-01 --to 2025-12-31 --number 1111111111 >/dev/null || fail "cert add old"
tsu cert add 1 --kind service --from 2026-01-01 --to 2026-12-10 --number 1400000099 >/dev/null || fail "cert add"

ui_start 80 24 --
ui_wait "Alarms"
# The certificate's lead time (90 days) has begun; the office's billing
# deadline (2026-12-10, lead 5 days) has not.
ui_wait "Overdue 0  Week 0  Month 0  Coming 1"
ui_wait "Coming up (1)"
ui_wait "> !  2026-12-10 Thu in 17 days"
ui_screen | grep -q "佐藤 一郎" || fail "the client's name is not on the alarm"
ui_keys Enter
ui_wait "[Certificates]"
# The selected row is the certificate the alarm was about.
ui_wait "> service certificate  1400000099"
ui_screen | grep -q "^  service certificate  1111111111" || fail "the old certificate is not listed unselected"
ui_keys q
ui_wait "Overdue 0"
