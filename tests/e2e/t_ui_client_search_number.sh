# The client list finds a client by her recipient number (issue 16, item
# 18): the worker has the certificate in hand and types its digits.
. "$(dirname "$0")/lib.sh"

tsu client add --name 山田花子 --kana ヤマダハナコ --birth 1980-04-01 --recipient-no 1412345678 >/dev/null || fail "client"
tsu client add --name 佐藤一郎 --kana サトウイチロウ --birth 1975-01-01 >/dev/null || fail "client"
tsu cert add 2 --kind service --number 1598765432 --from 2026-04-01 --to 2027-03-31 >/dev/null || fail "cert"
[ "$(tsu client list --search 98765 | grep -c 佐藤一郎)" = 1 ] || fail "client list --search by a certificate's number"

ui_start 80 24 --
ui_wait "Overdue"
ui_keys c
ui_wait "> 佐藤一郎"
ui_keys /
ui_type "1234"
ui_wait "> 山田花子"
ui_screen | grep -q "佐藤一郎" && fail "the number search kept the other client"
ui_keys C-u
ui_type "98765"
ui_wait "> 佐藤一郎"
ui_screen | grep -q "山田花子" && fail "the number search kept the other client"
ui_keys Enter Enter
ui_wait "[Basics]"
ui_keys Q
ui_wait_dead 2 "Q did not leave tsunagi"
