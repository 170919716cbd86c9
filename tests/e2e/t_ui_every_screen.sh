# Every screen (billing, stats and the phrase list are pinned whole in
# t_ui_billing, t_stats and t_ui_note_phrases), whole, at 80x24 in Japanese, compared with
# its snapshot in tests/e2e/screens/ (issue 12: layout is checked as a
# whole screen, not by grepping a word).  The case load is the demo's
# first client (岡田 結衣), who has every kind of record.  After a change
# of layout: TSUNAGI_SNAPSHOT_UPDATE=1 bash tests/e2e/run.sh t_ui_every_screen,
# then read the diff of tests/e2e/screens/ before committing it.
LANG_OVERRIDE=ja_JP.UTF-8
. "$(dirname "$0")/lib.sh"

tsu demo --clients 5 >/dev/null 2>&1 || fail "demo"

ui_start 80 24 --
ui_wait "期限切れ ("
ui_snapshot alarms
ui_keys c
ui_wait "在籍中の利用者"
ui_snapshot clients
ui_keys j Enter
ui_wait "[基本]"
ui_snapshot card-basics
# Each tab by its number, then the two past 0 by Tab.
n=2
for tab in 連絡先:contacts 受給者証:certificates 同意:consents インテーク:intake \
	   アセスメント:assessments 計画:plans モニタリング:monitorings 記録:notes 会議:meetings; do
	ui_keys "$((n % 10))"
	ui_wait "[${tab%%:*}]"
	ui_snapshot "card-$n-${tab#*:}"
	n=$((n + 1))
done
ui_keys Tab
ui_wait "[未実施]"
ui_snapshot card-11-not-done
ui_keys Tab
ui_wait "[クライシスプラン]"
ui_snapshot card-12-crisis-plan

# The records' own screens, from their tabs.
ui_keys 6 Enter
ui_wait "tsunagi | アセスメント"
ui_snapshot assessment
ui_keys i
ui_wait "tsunagi | ICF コード"
ui_snapshot icf-picker
ui_keys Escape
ui_wait "tsunagi | アセスメント"
ui_keys q
ui_wait "[アセスメント]"
ui_keys 7 Enter
ui_wait "tsunagi | 計画"
ui_snapshot plan
ui_keys w
ui_wait "tsunagi | 週間計画表"
ui_snapshot weekly
ui_keys q
ui_wait "tsunagi | 計画"
ui_keys q
ui_wait "[計画]"
ui_keys 8 Enter
ui_wait "tsunagi | モニタリング"
ui_snapshot monitoring
ui_keys q
ui_wait "[モニタリング]"
ui_keys 0 Enter
ui_wait "tsunagi | 担当者会議"
ui_snapshot meeting
ui_keys q
ui_wait "[会議]"
ui_keys 9 Enter
ui_wait "tsunagi | 記録"
ui_snapshot notes
ui_keys q
ui_wait "[記録]"
ui_keys 1 e
ui_wait "tsunagi | 入力"
ui_snapshot client-form
ui_keys Escape
ui_wait "[基本]"

# The screens reached from anywhere.
ui_keys N
ui_wait "全記録を検索"
ui_snapshot notes-search
ui_keys Escape
ui_wait "[基本]"
ui_keys C
ui_wait "tsunagi | カレンダー"
ui_snapshot calendar
ui_keys q
ui_wait "[基本]"
ui_keys D
ui_wait "tsunagi | 事業所"
ui_snapshot providers
ui_keys q
ui_wait "[基本]"
ui_keys S
ui_wait "tsunagi | 設定"
ui_snapshot settings
ui_keys Escape
ui_wait "[基本]"
ui_keys '?'
ui_wait "tsunagi | ヘルプ"
ui_snapshot help
ui_keys q
ui_wait "[基本]"
ui_keys Q
ui_wait_dead 2 "Q did not leave tsunagi"

# The drafts list, which a start shows when an earlier session left one.
sqlite3 "$DB" "INSERT INTO draft (form, client_id, record_id, base_version, title, saved_at, session)
               VALUES ('client', 0, 0, 0, '新しい利用者', '2026-11-22T01:30:00Z', '');
               INSERT INTO draft_field (draft_id, name, value) VALUES (last_insert_rowid(), 'name', '下書 花子');" ||
	fail "draft fixture"
tmux -L "$TMUX_SOCK" kill-session -t t
ui_start 80 24 --
ui_wait "tsunagi | 下書き"
ui_snapshot drafts
ui_keys q
ui_wait "期限切れ ("
ui_keys Q
ui_wait_dead 2 "Q did not leave tsunagi"
