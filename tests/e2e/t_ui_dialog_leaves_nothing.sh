# A question answered "no" leaves nothing of its box behind (issue 16,
# item 2): the monitoring that says the plan must change offers a
# revision over text of wide characters; after n the screen must be what
# a full redraw (C-l) shows, compared whole at 80x24.
LANG_OVERRIDE=ja_JP.UTF-8
. "$(dirname "$0")/lib.sh"

tsu client add --name 山田花子 --kana ヤマダハナコ --birth 1980-04-01 >/dev/null || fail "client"
text=$(printf '起床は七時%.0s' $(seq 30))
sqlite3 "$DB" "
INSERT INTO plan (client_id, stage, written_on, consented_on, period_from, period_to, monitoring_months, anchor_month)
  VALUES (1, 'final', '2026-11-01', '2026-11-02', '2026-11-01', '2027-10-31', 3, '2026-11');
INSERT INTO plan_interval (plan_id, from_month, months) VALUES (1, '2026-11', 3);
INSERT INTO plan_row (plan_id, priority, need, goal) VALUES (1, 1, '$text', '$text');
INSERT INTO monitoring (client_id, plan_id, done_on, situation, change_needed) VALUES (1, 1, '2026-11-20', '$text', 0);
INSERT INTO monitoring_row (monitoring_id, plan_row_id, attainment, gas, next_steps) VALUES (1, 1, '$text', 0, '$text');
" || fail "fixture"

ui_start 80 24 --
ui_wait "アラーム"
ui_keys c
ui_wait "> 山田花子"
ui_keys Enter
ui_wait "[基本]"
ui_keys Tab Tab Tab Tab Tab Tab Tab
ui_wait "[モニタリング]"
ui_keys Enter
ui_wait "山田花子 のモニタリング"
# The change is marked behind the screen's back; coming back to the
# screen asks the question.
sqlite3 "$DB" "UPDATE monitoring SET change_needed = 1" || fail "update"
ui_keys '?'
ui_wait "ヘルプ"
ui_keys q
ui_wait "計画の変更"
ui_keys n
ui_gone "計画の変更"
ui_wait "計画変更の必要性: はい"
# GAS 0 is written without a sign, as on the printouts.
ui_screen | grep -q "GAS 0 " || { ui_screen >&2; fail "GAS 0 is not shown as 0"; }
ui_screen | grep -q "GAS +0" && fail "GAS 0 shown as +0"
ui_screen > "$T/after"
ui_keys C-l
for i in $(seq 40); do ui_screen > "$T/redrawn"; cmp -s "$T/after" "$T/redrawn" && break; sleep 0.05; done
diff -u "$T/redrawn" "$T/after" >&2 || fail "the question left something behind"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM plan")" = 1 ] || fail "n started a revision"
ui_keys Q
ui_wait_dead 2 "Q did not leave tsunagi"
