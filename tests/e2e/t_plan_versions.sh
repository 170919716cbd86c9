# A plan's versions from the command line: a consented plan refuses an
# edit with one line saying how to go on; `plan revise` starts a new
# version (変更) with the needs rows copied; `plan final` names what the
# final plan lacks and needs --anyway; the draft (計画案) and the final
# plan (計画) print as two documents with their own titles and file
# names, both reprintable by --id; a child using both kinds of service
# gets the combined title; every form carries the three recipient numbers.
. "$(dirname "$0")/lib.sh"

tsu client add --name "山田 太郎" --kana やまだ --birth 1970-03-02 --recipient-no 1400000001 >/dev/null || fail setup
tsu cert add 1 --kind community --from 2026-04-01 --to 2027-03-31 --number 1400000009 >/dev/null || fail cert
expect_output "draft" tsu plan add 1 --from 2026-04-01 --to 2027-03-31 --monitoring-months 3 --written 2026-03-20 \
	--wishes "一人暮らしを続けたい" --policy "家事と日中活動を支える" --long-goal "一人で暮らす" --short-goal "週2回掃除" <<'X'
1
X
expect_output "a row" tsu plan row add 1 --need "掃除ができない" --goal "週2回掃除をする" --service-kind "居宅介護" <<'X'
1
X

# Finalising asks for the provider; nothing changes without --anyway.
expect_fail "final without a provider" 1 "plan 1 is not ready to be final: provider \(提供事業者名\) is empty in the needs of priority 1; .*--anyway" \
	tsu plan final 1 --consented 2026-03-28
[ "$(sqlite3 "$DB" "SELECT stage FROM plan WHERE id = 1")" = draft ] || fail "refused final changed the stage"
expect_output "the provider" tsu plan row edit 1 --provider "ヘルパーA 045-000-0000" <<'X'
1
X
expect_output "final" tsu plan final 1 --consented 2026-03-28 <<'X'
1
X

# Consented: read-only on every path, one line that says what to do.
expect_fail "edit a consented plan" 1 "^tsunagi: plan 1 was consented on 2026-03-28 and can no longer be changed; start a new version with 'tsunagi plan revise 1'" \
	tsu plan edit 1 --policy "書き換え"
expect_fail "a row of a consented plan" 1 "consented on 2026-03-28" tsu plan row edit 1 --provider "別の事業所"
expect_fail "a new row on a consented plan" 1 "consented on 2026-03-28" tsu plan row add 1 --need x --goal y
[ "$(sqlite3 "$DB" "SELECT policy FROM plan WHERE id = 1")" = "家事と日中活動を支える" ] || fail "the policy changed"
[ "$(sqlite3 "$DB" "SELECT provider FROM plan_row WHERE id = 1")" = "ヘルパーA 045-000-0000" ] || fail "the provider changed"
expect_output "delivery date still allowed" tsu plan edit 1 --delivered 2026-03-30 <<'X'
1
X

# A new version: a draft with the rows, editable; final supersedes.
expect_output "revise" tsu plan revise 1 --written 2026-09-01 <<'X'
2
X
[ "$(sqlite3 "$DB" "SELECT count(*) FROM plan_row WHERE plan_id = 2 AND provider = 'ヘルパーA 045-000-0000'")" = 1 ] || fail "rows not copied"
expect_output "edit the draft" tsu plan row edit 2 --amount "週3回" <<'X'
2
X
expect_fail "a second revision" 1 "already has a draft revision \(plan 2\)" tsu plan revise 1

# Printed: two documents, draft and final, each reprintable.
mkdir -p "$T/prints"
expect_output "draft to a folder" tsu print plan 1 --format pdf -o "$T/prints" <<X
$T/prints/plan-draft-1-2.pdf
X
expect_output "final by --id" tsu print plan 1 --id 1 --format pdf -o "$T/prints/" <<X
$T/prints/plan-final-1-1.pdf
X
pdftotext "$T/prints/plan-draft-1-2.pdf" - | grep -q "^サービス等利用計画（案）$" || fail "draft title: $(pdftotext "$T/prints/plan-draft-1-2.pdf" - | head -3)"
pdftotext "$T/prints/plan-draft-1-2.pdf" - | grep -q "計画案作成日" || fail "draft date label"
pdftotext "$T/prints/plan-final-1-1.pdf" - | grep -q "^サービス等利用計画$" || fail "final title: $(pdftotext "$T/prints/plan-final-1-1.pdf" - | head -3)"
pdftotext "$T/prints/plan-final-1-1.pdf" - | grep -q "（案）" && fail "the final plan says （案）"
[ "$(stat -c %a "$T/prints/plan-final-1-1.pdf")" = 600 ] || fail "mode"
expect_output "final" tsu plan final 2 --consented 2026-09-10 <<'X'
2
X
expect_output "stages" sh -c "sqlite3 '$DB' 'SELECT id, stage, coalesce(previous_id, 0) FROM plan ORDER BY id'" <<'X'
1|superseded|0
2|final|1
X
expect_fail "a past version" 1 "plan 1 is a past version" tsu plan edit 1 --remarks x
tsu print plan 1 --id 1 | grep -q "週2回掃除をする" || fail "the first version no longer prints"
tsu print plan 1 | grep -q "週3回" || fail "the plan in force is not the second version"

# The three recipient numbers on every form of an adult, no guardian.
for form in plan weekly; do
	tsu print $form 1 > "$T/$form.txt" || fail "print $form"
	grep -q "^障害福祉サービス受給者証番号  1400000001$" "$T/$form.txt" || fail "$form: service number"
	grep -q "^地域相談支援受給者証番号      1400000009$" "$T/$form.txt" || fail "$form: community number"
	grep -q "^通所受給者証番号$" "$T/$form.txt" || fail "$form: day service number"
	grep -q "保護者氏名" "$T/$form.txt" && fail "$form: an adult has no 保護者"
done

# A child using a day service and a welfare service: the combined
# title, both numbers and the guardian.
tsu client add --name "佐藤 蓮" --kana "さとう れん" --birth 2016-05-05 --kind child --recipient-no 1400000002 >/dev/null || fail child
tsu cert add 2 --kind service --from 2026-04-01 --to 2027-03-31 --number 1500000002 >/dev/null || fail cert2
expect_output "the mother" tsu contact add 2 --role family --name "佐藤 恵子" --kana "さとう けいこ" --relation 母 <<'X'
1
X
expect_output "child plan" tsu plan add 2 --from 2026-04-01 --to 2027-03-31 --monitoring-months 1 <<'X'
3
X
tsu plan row add 3 --need "友達と遊びたい" --goal "週3日通う" --service-kind "放課後等デイサービス" >/dev/null || fail row1
tsu plan row add 3 --need "母の休息" --goal "月2日" --service-kind "短期入所" >/dev/null || fail row2
tsu print plan 2 --format pdf -o "$T/prints" >/dev/null || fail "child pdf"
pdftotext "$T/prints/plan-draft-2-3.pdf" - | grep -q "^サービス等利用計画・障害児支援利用計画（案）$" || fail "child title: $(pdftotext "$T/prints/plan-draft-2-3.pdf" - | head -3)"
tsu print plan 2 > "$T/child.txt" || fail "child text"
grep -q "^児童氏名  *佐藤 蓮$" "$T/child.txt" || fail "児童氏名"
grep -q "^保護者氏名  *佐藤 恵子$" "$T/child.txt" || fail "保護者氏名: $(head -12 "$T/child.txt")"
tsu print plan 2 --initials | grep -q "^保護者氏名  *S\.K\.$" || fail "the guardian's name with --initials"
grep -q "^障害福祉サービス受給者証番号  1500000002$" "$T/child.txt" || fail "child's service number"
grep -q "^通所受給者証番号              1400000002$" "$T/child.txt" || fail "child's day number"
grep -q "^モニタリング期間              毎月(R8.4〜R9.3)$" "$T/child.txt" || fail "monitoring months: $(grep モニタリング期間 "$T/child.txt")"
echo "ok t_plan_versions"
