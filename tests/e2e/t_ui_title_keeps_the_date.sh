# Today's date stays in the title line at every width once an office and
# a worker are configured (issue 16, item 5); the office and worker get
# what room is left, cut with "…".
LANG_OVERRIDE=ja_JP.UTF-8
. "$(dirname "$0")/lib.sh"

mkdir -p "$XDG_CONFIG_HOME/tsunagi"
cat > "$XDG_CONFIG_HOME/tsunagi/config" <<'C'
office = 社会福祉法人つなぎ会 相談支援センターひだまり
worker = 相談支援専門員 山田太郎
C
tsu client list >/dev/null || fail "database"

title_at() {
	ui_resize "$1" 24
	ui_wait "$2"
	ui_screen | head -n 1 | sed 's/ *$//'
}
ui_start 80 24 --
ui_wait "アラーム"
got=$(title_at 80 "2026-11-23 (R8.11.23)")
want=" tsunagi | アラーム   社会福祉法人つなぎ会 相談支援セン…  2026-11-23 (R8.11.23)"
[ "$got" = "$want" ] || fail "80 columns: '$got', want '$want'"
got=$(title_at 100 "2026-11-23 (R8.11.23)")
want=" tsunagi | アラーム  社会福祉法人つなぎ会 相談支援センターひだまり / 相談支…  2026-11-23 (R8.11.23)"
[ "$got" = "$want" ] || fail "100 columns: '$got', want '$want'"
got=$(title_at 140 "山田太郎")
want=" tsunagi | アラーム                          社会福祉法人つなぎ会 相談支援センターひだまり / 相談支援専門員 山田太郎  2026-11-23 (R8.11.23)"
[ "$got" = "$want" ] || fail "140 columns: '$got', want '$want'"
ui_keys Q
ui_wait_dead 2 "Q did not leave tsunagi"
