# The provider register (事業所) from the command line: added once with
# name, kinds, contact person and phone, listed, linked from plan rows
# with --provider-id; a link to no provider and a bad id are refused with
# one line and change nothing; a linked provider is not deleted (the
# message names the plan); the printed plan (PDF, read by pdftotext)
# shows the provider's name, contact person and phone, and after one
# edit of the provider the next print shows the new phone (and the plans
# CSV names it the same way); export all
# carries the register and import all gives it back; the demo has a
# register and its plans' rows print from it.
. "$(dirname "$0")/lib.sh"

expect_output "add" tsu provider add --name "つなぎヘルパー" --kinds "居宅介護" --person "鈴木" --phone "045-000-0000" <<'X'
1
X
expect_output "add a second" tsu provider add --name "あおば就労センター" --kinds "就労継続支援B型" <<'X'
2
X
expect_fail "no name" 2 "^tsunagi: --name is required" tsu provider add --phone 1
expect_fail "blank name" 1 "provider name: must not be empty" tsu provider add --name "  "
expect_output "list by name" tsu provider list <<'X'
id	name	service_kinds	contact_person	phone	address	remarks
2	あおば就労センター	就労継続支援B型				
1	つなぎヘルパー	居宅介護	鈴木	045-000-0000		
X

tsu client add --name "山田 太郎" --kana やまだ --birth 1970-03-02 >/dev/null || fail setup
tsu plan add 1 --from 2026-04-01 --to 2027-03-31 --monitoring-months 3 --written 2026-03-20 \
	--wishes "一人暮らしを続けたい" --policy "家事と日中活動を支える" --long-goal "一人で暮らす" --short-goal "週2回掃除" >/dev/null || fail plan
expect_fail "no such provider" 1 "^tsunagi: there is no provider 9 in the register" \
	tsu plan row add 1 --need "掃除ができない" --goal "週2回掃除をする" --provider-id 9
expect_fail "not a number" 2 "'x' is not a record number" \
	tsu plan row add 1 --need "掃除ができない" --goal "週2回掃除をする" --provider-id x
[ "$(sqlite3 "$DB" "SELECT count(*) FROM plan_row")" = 0 ] || fail "a refused row was stored"
expect_output "a linked row" tsu plan row add 1 --need "掃除ができない" --goal "週2回掃除をする" --provider-id 1 <<'X'
1
X
# Linked, the row has its provider: final needs no --anyway.
expect_output "final" tsu plan final 1 --consented 2026-03-28 <<'X'
1
X

expect_fail "delete without --yes" 2 "add --yes" tsu provider delete 2
expect_fail "delete a linked one" 1 "^tsunagi: provider 1 is linked from 1 plan rows \(plan 1 of client 1, priority 1\)" \
	tsu provider delete 1 --yes
[ "$(sqlite3 "$DB" "SELECT count(*) FROM service_provider")" = 2 ] || fail "a linked provider was deleted"
tsu provider delete 2 --yes || fail "an unlinked provider is deleted"

mkdir -p "$T/prints"
tsu print plan 1 --format pdf -o "$T/prints/a.pdf" >/dev/null || fail "print"
pdftotext "$T/prints/a.pdf" - | tr -d '\n' | grep -q "つなぎヘルパー（鈴木・045-000-0000）" ||
	fail "provider not printed: $(pdftotext "$T/prints/a.pdf" - | grep -A2 つなぎ)"
expect_output "edit once" tsu provider edit 1 --phone "045-999-1111" <<'X'
1
X
tsu print plan 1 --format pdf -o "$T/prints/b.pdf" >/dev/null || fail "print again"
pdftotext "$T/prints/b.pdf" - | tr -d '\n' | grep -q "つなぎヘルパー（鈴木・045-999-1111）" ||
	fail "edited phone not printed: $(pdftotext "$T/prints/b.pdf" - | grep -A2 つなぎ)"
expect_fail "edit a missing one" 1 "no provider with id 5" tsu provider edit 5 --phone 1
# The plans CSV names the linked provider as the plan prints it.
tsu export plans -o "$T/plans.csv" || fail "export plans"
grep -q "つなぎヘルパー（鈴木・045-999-1111）" "$T/plans.csv" || fail "plans CSV: $(cat "$T/plans.csv")"

# The register goes with export all and comes back with import all.
tsu export all --format json -o "$T/all.json" || fail export
grep -q '"service_provider"' "$T/all.json" || fail "export lacks the register"
"$TSUNAGI_BIN" --db "$T/new.db" import all "$T/all.json" >/dev/null || fail import
[ "$(sqlite3 "$T/new.db" "SELECT name || '|' || phone FROM service_provider")" = "つなぎヘルパー|045-999-1111" ] || fail "register not imported"
[ "$(sqlite3 "$T/new.db" "SELECT provider_id FROM plan_row")" = 1 ] || fail "link not imported"

# The demo: a register, and the first client's plan prints from it (a
# row not in the register keeps its own text).
"$TSUNAGI_BIN" --db "$T/demo.db" --today 2026-11-23 demo >/dev/null 2>&1 || fail demo
[ "$(sqlite3 "$T/demo.db" "SELECT count(*) FROM service_provider")" = 4 ] || fail "demo register"
"$TSUNAGI_BIN" --db "$T/demo.db" --today 2026-11-23 print plan 1 --format pdf -o "$T/prints/demo.pdf" >/dev/null || fail "demo print"
pdftotext "$T/prints/demo.pdf" - | tr -d '\n' | grep -q "ヘルパーステーションつなぎ（佐藤・045-000-0001）" ||
	fail "demo plan: $(pdftotext "$T/prints/demo.pdf" - | grep -A2 つなぎ)"
pdftotext "$T/prints/demo.pdf" - | tr -d '\n' | grep -Eq "相談支援事業所（担当 ?相談支援専門員）" || fail "demo free-text row"
exit 0
