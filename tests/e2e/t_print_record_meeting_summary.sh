#!/usr/bin/env bash
# tsunagi print record|meeting|summary: the progress record of a period in
# date order over numbered pages, the meeting minutes with attendees,
# conclusion and 合意事項, and the case summary whose consent check refuses
# a party no consent in force names (unless --yes) and records every
# disclosure with an audit row that holds no personal text.  Labels and
# content are checked in the text and, with pdftotext, in the PDF.
. "$(dirname "$0")/lib.sh"

q() { sqlite3 "$DB" "$1"; }
printf 'office = つなぎ相談支援センター\nworker = 佐藤 美咲\n' > "$XDG_CONFIG_HOME/tsunagi/config"
tsu client add --name "山田 太郎" --kana "やまだ たろう" --birth 1980-04-01 --recipient-no 1234567890 >/dev/null || fail "client"
tsu client add --name "別人 次郎" --kana "べつじん じろう" --birth 1970-01-01 >/dev/null || fail "client 2"
q "INSERT INTO contact (client_id, role, name, kana, relation, phone) VALUES (1, 'family', '山田 花子', 'やまだ はなこ', '母', '090-0000-0001');
   INSERT INTO contact (client_id, role, name, kana, relation, organization, phone) VALUES (1, 'doctor', '鈴木 医師', 'すずき いし', '主治医', 'つなぎ総合病院', '045-111-2222');
   INSERT INTO assessment (client_id, assessed_on, health, medical) VALUES (1, '2026-05-01', '統合失調症。服薬で安定。', 'リスペリドン 朝夕。月2回通院。');
   INSERT INTO crisis_plan (client_id, warning_signs, actions, whom_to_call) VALUES (1, '眠れない日が続く', '主治医に連絡', '母 山田 花子');
   INSERT INTO service_provider (name, contact_person, phone) VALUES ('ヘルパーステーションつなぎ', '高橋', '045-000-0001');
   INSERT INTO plan (client_id, stage, written_on, consented_on, period_from, period_to, monitoring_months, anchor_month, long_goal, short_goal)
     VALUES (1, 'final', '2026-05-20', '2026-05-25', '2026-06-01', '2027-05-31', 3, '2026-06', '一人暮らしを続ける', '家事を手順表で行う');
   INSERT INTO plan_row (plan_id, priority, need, goal, service_kind, service_detail, service_amount, provider_id)
     VALUES (1, 1, '掃除を自分でしたい', '週3回掃除をする', '居宅介護', '家事援助', '週3回', 1);" || fail "setup"
# Notes: one before the period, 30 in it (long ones, so the record runs
# over pages), a SOAP one and a 事実/解釈 one with 相手 and minutes, and
# one of another client.
q "INSERT INTO note (client_id, noted_on, kind, fact) VALUES (1, '2026-05-31', 'phone', '期間外のメモ');
   INSERT INTO note (client_id, noted_on, kind, fact) VALUES (2, '2026-07-01', 'phone', '別の利用者のメモ');
   INSERT INTO note (client_id, noted_on, noted_at, kind, with_whom, minutes, subjective, objective, assessment, plan)
     VALUES (1, '2026-06-10', '10:00', 'visit', '本人', 45, '夜眠れないと太郎さん。', '部屋は片付いている。', '睡眠の乱れ。', '主治医に相談する。');
   INSERT INTO note (client_id, noted_on, kind, with_whom, minutes, fact, interpretation, next_step, next_on)
     VALUES (1, '2026-06-05', 'phone', '母', 30, '山田 花子さんから電話。', '家族の不安が強い。', '次回訪問で確認する。', '2026-06-20');" || fail "notes"
for i in $(seq 1 28); do
	d=$(printf '2026-%02d-%02d' $((7 + i / 10)) $((1 + i % 10)))
	q "INSERT INTO note (client_id, noted_on, kind, fact, interpretation) VALUES (1, '$d', 'visit', '訪問$i。作業所に通えている。$(printf '長い記録の行。%.0s' $(seq 1 12))', '安定$i。')" || fail "note $i"
done

# --- the record, as text ---
tsu print record 1 --from 2026-06-01 --to 2026-11-23 > "$T/rec.txt" || fail "print record"
for label in 支援経過記録 利用者氏名 受給者証番号 相談支援事業者名 つなぎ相談支援センター 相談支援専門員 "佐藤 美咲" \
	期間 "令和8年6月1日〜令和8年11月23日" "記録の件数        30件" "出力日 令和8年11月23日" \
	"【S（主観的情報）】" "【O（客観的情報）】" "【A（アセスメント）】" "【P（計画）】" "【事実】" "【解釈】" "【次の対応】" \
	"令和8年6月10日（水） 10:00　訪問　相手：本人　45分" "令和8年6月5日（金）　電話　相手：母　30分" "（期限 令和8年6月20日）"; do
	grep -qF -- "$label" "$T/rec.txt" || fail "record text lacks '$label'"
done
grep -q "期間外\|別の利用者" "$T/rec.txt" && fail "record printed a note outside the period or of another client"
# Date order: the 5th before the 10th before July.
l5=$(grep -n "令和8年6月5日" "$T/rec.txt" | head -1 | cut -d: -f1)
l10=$(grep -n "令和8年6月10日" "$T/rec.txt" | head -1 | cut -d: -f1)
l7=$(grep -n "令和8年7月" "$T/rec.txt" | head -1 | cut -d: -f1)
[ "$l5" -lt "$l10" ] && [ "$l10" -lt "$l7" ] || fail "record not in date order ($l5 $l10 $l7)"
# Pages: a form feed between pages, each footed "n / m", 64 lines a page.
pages=$(( $(tr -cd '\f' < "$T/rec.txt" | wc -c) + 1 ))
[ "$pages" -ge 3 ] || fail "a 30-note record fit on $pages pages"
grep -qx " *1 / $pages" "$T/rec.txt" && grep -qx " *$pages / $pages" "$T/rec.txt" || fail "text page numbers: $(grep ' / ' "$T/rec.txt")"
[ "$(wc -l < "$T/rec.txt")" -eq $((pages * 64)) ] || fail "text pages are not 64 lines each: $(wc -l < "$T/rec.txt") lines for $pages pages"

# --- the record, as PDF ---
tsu print record 1 --from 2026-06-01 --to 2026-11-23 --format pdf -o "$T/rec.pdf" || fail "record pdf"
n=$(pdfinfo "$T/rec.pdf" | awk '/^Pages:/ { print $2 }')
[ "$n" -ge 2 ] || fail "the PDF record has $n pages"
pdftotext -layout "$T/rec.pdf" "$T/rec.pdf.txt" || fail "pdftotext"
for label in 支援経過記録 相談支援事業者名 つなぎ相談支援センター 相談支援専門員 "S（主観的情報）" 事実 解釈 次の対応 "相手：母"; do
	grep -qF -- "$label" "$T/rec.pdf.txt" || fail "record PDF lacks '$label'"
done
# pdftotext drops the spaces around the slash of "n / m".
for p in 1 2 "$n"; do
	grep -Eq "^ *$p ?/ ?$n *$" "$T/rec.pdf.txt" || fail "record PDF lacks page number $p / $n"
done
expect_fail "record period backwards" 2 "--from is after --to" tsu print record 1 --from 2026-11-01 --to 2026-10-01
expect_fail "record with --id" 2 "--id is not for the record" tsu print record 1 --id 3
expect_fail "meeting with --from" 2 "--from and --to are for the record" tsu print meeting 1 --from 2026-01-01

# --- initials: every name of the records, free text too ---
tsu print record 1 --from 2026-06-01 --to 2026-06-30 --initials > "$T/rec-i.txt" || fail "record --initials"
grep -q "山田\|太郎\|花子" "$T/rec-i.txt" && fail "record --initials shows a name: $(grep '山田\|太郎\|花子' "$T/rec-i.txt")"
grep -qF "Y.H.さんから電話" "$T/rec-i.txt" && grep -qF "Y.T." "$T/rec-i.txt" || fail "record --initials: $(cat "$T/rec-i.txt")"

# --- the meeting minutes ---
q "INSERT INTO meeting (client_id, held_on, held_at, place, attendees, agenda, agreed, remarks)
     VALUES (1, '2026-06-15', '14:00', '自宅', '本人
山田 花子（家族）、佐藤 一郎（ヘルパーステーションつなぎ サービス提供責任者）', '家事援助の回数', '家事援助を週3回に増やす。', '通院同行の手配（次回 9月）');
   INSERT INTO action_item (meeting_id, what, owner, due_on, indicator) VALUES (1, '手順表を作る', 'ヘルパーステーションつなぎ', '2026-06-30', '手順表が台所にある');
   INSERT INTO meeting (client_id, held_on, place, agreed) VALUES (1, '2026-12-10', '事業所', '次の会議');
   INSERT INTO meeting (client_id, held_on, place, agreed) VALUES (2, '2026-06-01', '事業所', '別の会議');" || fail "meetings"
tsu print meeting 1 > "$T/mt.txt" || fail "print meeting"
for label in サービス担当者会議の要点 利用者氏名 相談支援事業者名 つなぎ相談支援センター "佐藤 美咲" "開催日            令和8年6月15日" \
	"開催時間          14:00" "開催場所          自宅" "■ 会議出席者" "所属（職種）" 氏名 "ヘルパーステーションつなぎ サービス提供責任者" "佐藤 一郎" \
	"【検討した項目】" 家事援助の回数 "【結論】" 家事援助を週3回に増やす "合意事項 手順表を作る" 担当 "期限      令和8年6月30日" \
	評価指標 "【残された課題】" "通院同行の手配（次回 9月）" "1 / 1"; do
	grep -qF -- "$label" "$T/mt.txt" || fail "meeting text lacks '$label'"
done
grep -q "次の会議" "$T/mt.txt" && fail "the default meeting is the planned one, not the latest held"
tsu print meeting 1 --id 2 | grep -qF "次の会議" || fail "--id 2 did not print meeting 2"
expect_fail "meeting of another client" 1 "belongs to another client" tsu print meeting 1 --id 3
tsu print meeting 1 --format pdf -o "$T/mt.pdf" || fail "meeting pdf"
pdftotext -layout "$T/mt.pdf" "$T/mt.pdf.txt" || fail "pdftotext meeting"
for label in サービス担当者会議の要点 開催日 開催場所 会議出席者 "所属（職種）" 氏名 検討した項目 結論 合意事項 担当 期限 残された課題 \
	手順表を作る つなぎ相談支援センター; do
	grep -qF -- "$label" "$T/mt.pdf.txt" || fail "meeting PDF lacks '$label'"
done
grep -Eq "^ *1 ?/ ?1 *$" "$T/mt.pdf.txt" || fail "meeting PDF lacks its page number"
tsu print meeting 1 --initials > "$T/mt-i.txt" || fail "meeting --initials"
grep -q "山田\|花子\|佐藤 一郎" "$T/mt-i.txt" && fail "meeting --initials shows a name: $(grep '山田\|花子\|佐藤 一郎' "$T/mt-i.txt")"
grep -qF "（省略）" "$T/mt-i.txt" && grep -qF "Y.H." "$T/mt-i.txt" || fail "meeting --initials: $(cat "$T/mt-i.txt")"

# --- the summary: refused without a consent naming the party ---
audit0=$(q "SELECT count(*) FROM audit")
expect_fail "summary without consent" 1 "no consent in force on 2026-11-23 names 'つなぎ総合病院'; .*--yes" \
	tsu print summary 1 --to つなぎ総合病院
expect_fail "summary without --to" 2 "needs --to WHOM" tsu print summary 1
[ "$(q "SELECT count(*) FROM disclosure")" = 0 ] && [ "$(q "SELECT count(*) FROM audit")" = "$audit0" ] ||
	fail "a refused summary was recorded"
# A consent that ended, one withdrawn and one of a category cover nothing.
q "INSERT INTO consent (client_id, shared_with, valid_from, valid_to) VALUES (1, 'つなぎ総合病院', '2025-04-01', '2026-03-31');
   INSERT INTO consent (client_id, shared_with, valid_from, valid_to, withdrawn_on) VALUES (1, 'つなぎ総合病院', '2026-04-01', '2027-03-31', '2026-11-01');
   INSERT INTO consent (client_id, shared_with, purpose, valid_from, valid_to) VALUES (1, 'サービス提供事業所・医療機関', 'サービス調整', '2026-04-01', '2027-03-31');" || fail "consents"
expect_fail "summary with ended, withdrawn, category consents" 1 "no consent in force" tsu print summary 1 --to つなぎ総合病院
# --yes prints it anyway, and records it without a consent.
tsu print summary 1 --to つなぎ総合病院 --yes > "$T/sum.txt" || fail "summary --yes"
grep -qF "同意書の確認なし" "$T/sum.txt" || fail "the summary does not say no consent covered it"
[ "$(q "SELECT client_id, party, document, disclosed_on, consent_id IS NULL FROM disclosure")" = "1|つなぎ総合病院|summary|2026-11-23|1" ] ||
	fail "disclosure: $(q "SELECT * FROM disclosure")"
[ "$(q "SELECT tbl, row_id, action FROM audit WHERE tbl = 'disclosure'")" = "disclosure|1|insert" ] ||
	fail "audit: $(q "SELECT * FROM audit WHERE tbl = 'disclosure'")"
q "SELECT * FROM audit" | grep -q "病院\|山田" && fail "personal text in the audit table"
# A consent naming the hospital covers it, a department of it too.
q "INSERT INTO consent (client_id, shared_with, purpose, valid_from, valid_to) VALUES (1, '市役所、つなぎ総合病院', '入院時の情報提供', '2026-11-01', '2027-10-31')"
tsu print summary 1 --to "つなぎ総合病院 地域連携室" --format pdf -o "$T/sum.pdf" || fail "summary with consent"
[ "$(q "SELECT party, consent_id FROM disclosure WHERE id = 2")" = "つなぎ総合病院 地域連携室|4" ] ||
	fail "covered disclosure: $(q "SELECT * FROM disclosure")"
[ "$(q "SELECT count(*) FROM audit WHERE tbl = 'disclosure'")" = 2 ] || fail "second disclosure not audited"
pdftotext -layout "$T/sum.pdf" "$T/sum.pdf.txt" || fail "pdftotext summary"
for label in "情報提供書（フェイスシート）" 提供先 "つなぎ総合病院 地域連携室" 提供日 相談支援事業者名 つなぎ相談支援センター \
	"同意あり（同意書の提供先：市役所、つなぎ総合病院" "1. 基本情報" "山田 太郎" 1234567890 "2. 障害・疾患" 統合失調症 \
	"3. 服薬・医療" "リスペリドン 朝夕" 鈴木 045-111-2222 "4. キーパーソン" "山田 花子" 090-0000-0001 \
	"5. 利用中のサービス" 居宅介護 ヘルパーステーションつなぎ 045-000-0001 "6. 計画の目標" 一人暮らしを続ける 週3回掃除をする \
	"7. 留意事項" 眠れない日が続く; do
	grep -qF -- "$label" "$T/sum.pdf.txt" || fail "summary PDF lacks '$label'"
done
grep -Eq "^ *1 ?/ ?[0-9]+ *$" "$T/sum.pdf.txt" || fail "summary PDF lacks its page number"
# --anyway is --yes; --initials hides the names, the address and phone.
tsu print summary 1 --to 別の事業所 --anyway --initials > "$T/sum-i.txt" || fail "summary --anyway --initials"
grep -q "山田\|太郎\|花子\|高橋\|鈴木" "$T/sum-i.txt" && fail "summary --initials shows a name: $(grep '山田\|太郎\|花子\|高橋\|鈴木' "$T/sum-i.txt")"
grep -qF "Y.T." "$T/sum-i.txt" || fail "summary --initials: no initials"
[ "$(q "SELECT count(*) FROM disclosure")" = 3 ] || fail "the --anyway summary was not recorded"
exit 0
