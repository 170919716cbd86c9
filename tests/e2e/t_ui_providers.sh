# The provider register on screen (80x24): P opens it from anywhere; n
# adds a provider through its form, e edits it, d asks and deletes; in a
# draft plan L on a needs row opens the register to pick, Enter links the
# row (the row then shows the provider, the database has the link); a
# linked provider's delete is refused with the plan named, and a
# consented plan refuses L.
. "$(dirname "$0")/lib.sh"

tsu client add --name "Yamada Taro" --kana やまだ --birth 1970-03-02 >/dev/null || fail setup
tsu plan add 1 --from 2026-11-01 --to 2027-10-31 --monitoring-months 3 --written 2026-10-20 \
	--wishes w --policy p --long-goal l --short-goal s >/dev/null || fail plan
tsu plan row add 1 --need "cannot clean" --goal "clean twice a week" --service-kind "居宅介護" >/dev/null || fail row
tsu provider add --name "Aoba Work" --phone 045-222-2222 >/dev/null || fail provider
q() { sqlite3 "$DB" "$1"; }

ui_start 80 24 --
ui_wait "Alarms"
ui_keys D
ui_wait "Provider register"
ui_wait "Aoba Work"

# n: the provider's form; the name is required, F2 saves.
ui_keys n
ui_wait "New provider"
ui_type "Tsunagi Helper"
ui_keys Tab
ui_type "home help"
ui_keys Tab
ui_type "Suzuki"
ui_keys Tab
ui_type "045-000-0000"
ui_keys F2
ui_wait "Saved."
ui_wait "Tsunagi Helper"
[ "$(q "SELECT name || '|' || service_kinds || '|' || contact_person || '|' || phone FROM service_provider WHERE id = 2")" = "Tsunagi Helper|home help|Suzuki|045-000-0000" ] ||
	fail "provider: $(q "SELECT * FROM service_provider")"

# e on the selected one (by name: Aoba Work first): its form, edited.
ui_keys e
ui_wait "provider: the office's register"
ui_keys Tab Tab Tab C-u
ui_type "045-333-3333"
ui_keys F2
ui_wait "Saved."
[ "$(q "SELECT phone FROM service_provider WHERE id = 1")" = "045-333-3333" ] || fail "edit: $(q "SELECT phone FROM service_provider WHERE id = 1")"

# To the plan: L picks the row's provider.
ui_keys q
ui_keys c
ui_wait "> Yamada Taro"
ui_keys Enter
ui_wait "[Basics]"
ui_keys Tab Tab Tab Tab Tab Tab
ui_wait "[Plans]"
ui_keys Enter
ui_wait "Plan of Yamada Taro (draft)"
ui_keys L
ui_wait "Pick the row's provider"
ui_keys j Enter
ui_wait "now names its provider from the register"
ui_wait "Plan of Yamada Taro (draft)"
ui_wait "居宅介護 / Tsunagi Help"
[ "$(q "SELECT provider_id FROM plan_row WHERE id = 1")" = 2 ] || fail "link: $(q "SELECT provider_id FROM plan_row")"

# The linked provider is not deleted; the other one is, after asking.
ui_keys D
ui_wait "Provider register"
ui_keys j d
ui_wait "Delete Tsunagi Helper from the register?"
ui_keys y
ui_wait "is linked from 1 plan rows (plan 1 of client 1, priority 1)"
[ "$(q "SELECT count(*) FROM service_provider")" = 2 ] || fail "linked provider deleted"
ui_keys k d
ui_wait "Delete Aoba Work from the register?"
ui_keys y
ui_wait "The provider was deleted."
[ "$(q "SELECT count(*) FROM service_provider")" = 1 ] || fail "delete: $(q "SELECT count(*) FROM service_provider")"

# Consented, the plan refuses to be linked again.
ui_keys q
ui_wait "Plan of Yamada Taro (draft)"
ui_keys F
ui_wait "the day the client consented"
ui_keys F2
ui_wait "The plan is final"
ui_keys L
ui_wait "The client consented to this plan, so it is read-only"
ui_screen | grep -q "Pick the row's provider" && fail "L opened the picker on a consented plan"
exit 0
