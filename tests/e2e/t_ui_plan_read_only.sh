# The plan screen: F on a draft that lacks a provider names what is
# missing and asks again (n keeps the draft, y makes it final); a
# consented plan then says it is read-only, opens its fields and rows
# only to read, refuses the keys that would change it and changes nothing, R starts a new version, and both
# versions print again from the card, as two files.
. "$(dirname "$0")/lib.sh"

tsu client add --name "Yamada Taro" --kana やまだ --birth 1970-03-02 >/dev/null || fail setup
tsu plan add 1 --from 2026-11-01 --to 2027-10-31 --monitoring-months 3 --written 2026-10-20 \
	--wishes w --policy p --long-goal l --short-goal s >/dev/null || fail plan
tsu plan row add 1 --need "cannot clean" --goal "clean twice a week" --service-kind "居宅介護" >/dev/null || fail row
q() { sqlite3 "$DB" "$1"; }

ui_start 80 24 --
ui_wait "Alarms"
ui_keys c
ui_wait "> Yamada Taro"
ui_keys Enter
ui_wait "[Basics]"
ui_keys Tab Tab Tab Tab Tab Tab
ui_wait "[Plans]"
ui_keys Enter
ui_wait "Plan of Yamada Taro (draft)"
ui_wait "clean twice a week"

# F: the consent date, then the question naming the gap.
ui_keys F
ui_wait "the day the client consented"
ui_keys F2
ui_wait "The final plan should have what this draft lacks:"
ui_wait "- provider (提供事業者名) is empty in the needs of priority 1"
ui_wait "Make it final anyway?"
ui_keys n
ui_wait "Not made final; the plan stays a draft."
[ "$(q "SELECT stage FROM plan")" = draft ] || fail "n made it final"
ui_keys F
ui_wait "the day the client consented"
ui_keys F2
ui_wait "Make it final anyway?"
ui_keys y
ui_wait "The plan is final"
[ "$(q "SELECT stage, consented_on FROM plan")" = "final|2026-11-23" ] || fail "plan: $(q "SELECT stage, consented_on FROM plan")"

# Consented: read-only, and the screen says so.
ui_wait "Consented on 2026-11-23: read-only; R starts a new version"
for key in n d A K; do
	ui_keys "$key"
	ui_wait "The client consented to this plan, so it is read-only; press R"
	ui_screen | grep -q "Delete this" && fail "$key offered a delete"
	ui_wait "Plan of Yamada Taro (final)"
done
# Enter and E open the row and the plan to read: typing changes nothing.
ui_keys Enter
ui_wait "plan row: Yamada Taro (read-only)"
ui_wait "clean twice a week"
ui_type "x"
ui_wait "Read-only: the client consented to this plan."
ui_keys F2
ui_keys Escape
ui_wait "Plan of Yamada Taro (final)"
ui_keys E
ui_wait "plan: Yamada Taro (read-only)"
ui_keys Tab
ui_type "y"
ui_wait "Read-only: the client consented to this plan."
ui_keys Escape
ui_wait "Plan of Yamada Taro (final)"
[ "$(q "SELECT count(*) FROM draft")" = 0 ] || fail "a draft was kept of a read-only form"
[ "$(q "SELECT version, policy FROM plan WHERE id = 1")" = "2|p" ] || fail "plan changed: $(q "SELECT version, policy FROM plan")"
[ "$(q "SELECT count(*), max(version) FROM plan_row")" = "1|1" ] || fail "rows changed: $(q "SELECT * FROM plan_row")"

# Nor can the card delete it: the store refuses, the screen says why.
ui_keys q
ui_wait "[Plans]"
ui_keys d
ui_wait "Delete this plan?"
ui_keys y
ui_wait "plan 1 was consented on 2026-11-23 and can no longer be changed"
[ "$(q "SELECT count(*) FROM plan")" = 1 ] || fail "the consented plan was deleted"
ui_keys Enter
ui_wait "Plan of Yamada Taro (final)"

# R: a new version, a draft again, with the row.
ui_keys R
ui_wait "A revised draft was started from the plan."
ui_wait "Plan of Yamada Taro (draft)"
ui_wait "clean twice a week"
[ "$(q "SELECT id, stage, coalesce(previous_id, 0) FROM plan ORDER BY id" | tr '\n' ' ')" = "1|final|0 2|draft|1 " ] ||
	fail "plans: $(q "SELECT id, stage, previous_id FROM plan")"
# Both versions print from the plan's history, as two documents.
ui_keys p
ui_wait "plan-draft-1-2.pdf"
ui_keys q
ui_wait "Plan of Yamada Taro (final)"
ui_keys q
ui_wait "[Plans]"
ui_keys G Enter
ui_wait "Plan of Yamada Taro (final)"
ui_keys p
ui_wait "plan-final-1-1.pdf"
for f in plan-draft-1-2 plan-final-1-1; do
	[ "$(stat -c %a "$HOME/tsunagi-print/$f.pdf")" = 600 ] || fail "$f.pdf missing or not private"
done
pdftotext "$HOME/tsunagi-print/plan-draft-1-2.pdf" - | grep -q "^サービス等利用計画（案）$" || fail "draft title"
pdftotext "$HOME/tsunagi-print/plan-final-1-1.pdf" - | grep -q "^サービス等利用計画$" || fail "final title"
ui_keys Q
ui_wait_dead 2 "Q did not leave tsunagi"
echo "ok t_ui_plan_read_only"
