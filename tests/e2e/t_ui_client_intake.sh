# The worker's first day in the UI, in Japanese: add a client whose name
# and kana are typed as UTF-8, find her again by a hiragana search of her
# katakana reading, and record her intake.
LANG_OVERRIDE=ja_JP.UTF-8
. "$(dirname "$0")/lib.sh"

locale -a 2>/dev/null | grep -qi '^ja_JP\.utf-\?8$' ||
	fail "the ja_JP.UTF-8 locale is missing; run as root: localedef -i ja_JP -f UTF-8 ja_JP.UTF-8"

ui_start 80 24 -- 
ui_wait "アラーム"
ui_keys c
ui_wait "利用者はまだいません"
ui_keys n
ui_wait "利用者の新規登録"
ui_type "山田 花子"
ui_keys Tab
ui_type "ヤマダ ハナコ"
ui_keys Tab
ui_type "S55.4.1"
ui_wait "1980-04-01  昭和55年4月1日"
ui_keys F2
# Saved: her card opens.
ui_wait "ヤマダ ハナコ  計画相談  支援中  #1"
ui_wait "[基本]"
ui_keys q
ui_wait "在籍中の利用者"
ui_wait "1/1"

# A search typed in hiragana finds the katakana reading.
ui_keys /
ui_type "はなこ"
ui_wait "検索: はなこ"
ui_wait "> 山田 花子"
ui_type "x"
ui_wait "検索に一致する利用者はいません"
ui_keys BSpace
ui_wait "> 山田 花子"
ui_keys Enter Enter
ui_wait "[基本]"

# The intake tab: a new intake dated today, the chief complaint in her words.
ui_keys Tab Tab Tab Tab
ui_wait "[インテーク]"
ui_wait "まだありません。n で追加します。"
ui_keys n
ui_wait "インテークの新規作成: 山田 花子"
ui_wait "2026-11-23  令和8年11月23日（月）"
ui_keys Tab
ui_type "市役所障害福祉課"
ui_keys Tab
ui_type "一人暮らしを続けたい"
ui_keys F2
ui_wait "保存しました。"
ui_wait "2026-11-23  市役所障害福祉課  一人暮らしを続けたい"

# It is in the database as typed.
got=$(sqlite3 "$DB" "SELECT intake_on, referral_route, complaint, urgency FROM intake")
[ "$got" = "2026-11-23|市役所障害福祉課|一人暮らしを続けたい|1" ] || fail "intake row: $got"
got=$(sqlite3 "$DB" "SELECT name, kana, birth_on FROM client")
[ "$got" = "山田 花子|ヤマダ ハナコ|1980-04-01" ] || fail "client row: $got"
# Nothing was left behind as a draft.
[ "$(sqlite3 "$DB" "SELECT count(*) FROM draft")" = 0 ] || fail "a draft was left after saving"
ui_keys Q
ui_wait_dead 2 "Q did not leave tsunagi"
