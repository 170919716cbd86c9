# The search over every written record (issue 16, item 18): N finds the
# words in notes, intakes, assessments (and their ICF items) and
# monitorings (and their rows); each hit shows the date, the client, the
# kind and the text around the match; f narrows it to dates and one kind
# (a reversed range is refused and changes nothing); Enter opens the
# record itself.  The screen is pinned whole at 80x24.
LANG_OVERRIDE=ja_JP.UTF-8
. "$(dirname "$0")/lib.sh"

tsu client add --name 山田花子 --kana ヤマダハナコ --birth 1980-04-01 >/dev/null || fail "client"
tsu client add --name 佐藤一郎 --kana サトウイチロウ --birth 1975-01-01 >/dev/null || fail "client"
q() { sqlite3 "$DB" "$1" || fail "sql: $1"; }
q "INSERT INTO note (client_id, noted_on, noted_at, kind, fact) VALUES (1, '2026-11-20', '10:00', 'visit', '母と買い物に行った')"
q "INSERT INTO note (client_id, noted_on, kind, subjective) VALUES (2, '2026-11-21', 'phone', '夜は眠れている。ﾍﾙﾊﾟｰさんが来る日は母も安心している')"
q "INSERT INTO intake (client_id, intake_on, complaint) VALUES (1, '2026-04-01', '一人暮らしを続けたい。家事はヘルパーに頼みたい')"
q "INSERT INTO assessment (client_id, assessed_on, health) VALUES (2, '2026-05-10', '統合失調症。服薬は自己管理')"
q "INSERT INTO assessment_item (assessment_id, position, component, fact) VALUES (1, 1, 'd', '調理はできないが、ヘルパーと一緒なら作れる')"
q "INSERT INTO monitoring (client_id, done_on, situation) VALUES (1, '2026-10-20', '落ち着いて暮らしている')"
q "INSERT INTO monitoring_row (monitoring_id, delivery) VALUES (1, 'ヘルパーは予定どおり週2回来ている')"

ui_start 80 24 --
ui_wait "アラーム"
ui_keys N
ui_wait "全記録を検索:"
ui_type "へるぱー"
ui_keys Enter
ui_wait "4 件"
ui_screen | head -9 > "$T/screen"
cat > "$T/want" <<'X'
 tsunagi | 検索                                           2026-11-23 (R8.11.23)
全記録を検索: へるぱー                                  4 件
> 2026-11-21 佐藤一郎      電話         …眠れている。ﾍﾙﾊﾟｰさんが来る日は母も安…
  2026-10-20 山田花子      モニタリング ヘルパーは予定どおり週2回来ている
  2026-05-10 佐藤一郎      アセスメント …できないが、ヘルパーと一緒なら作れる
  2026-04-01 山田花子      インテーク   …たい。家事はヘルパーに頼みたい



X
diff "$T/want" "$T/screen" >&2 || { ui_screen >&2; fail "the hits are not as pinned"; }
# The selected hit's field and record under the list.
ui_wait "S: 主観的情報: 夜は眠れている。"

# f: from 2026-05-01 to 2026-10-31 leaves the monitoring and the
# assessment; a reversed range is refused and keeps the filters.
ui_keys f
ui_wait "検索の絞り込み"
ui_type "2026-05-01"
ui_keys Tab
ui_type "2026-10-31"
ui_keys F2
ui_wait "2 件  2026-05-01〜2026-10-31"
ui_screen | grep -q "インテーク" && fail "the intake is outside the dates"
ui_keys f
ui_wait "検索の絞り込み"
ui_keys Tab C-u
ui_type "2026-04-01"
ui_keys F2
ui_wait "検索: 期間の始めが終わりより後です。入れ替えるか、片方を空にしてください"
ui_keys Escape
ui_wait "2 件  2026-05-01〜2026-10-31"
# One kind: assessments only, the dates cleared.
ui_keys f
ui_wait "検索の絞り込み"
ui_keys C-u Tab C-u Tab Right Right Right
ui_wait "アセスメント"
ui_keys F2
ui_wait "1 件  アセスメント"
ui_screen | grep -q "モニタリング ヘルパー" && fail "the kind filter kept a monitoring"
# Enter opens the assessment itself.
ui_keys Enter
ui_wait "佐藤一郎 のアセスメント"
ui_wait "> 活動と参加                調理はできないが"
ui_keys q
ui_wait "1 件  アセスメント"
ui_keys Q
ui_wait_dead 2 "Q did not leave tsunagi"
