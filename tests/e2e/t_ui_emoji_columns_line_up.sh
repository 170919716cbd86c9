# Emoji with VS16 (❤️), flags (🇯🇵), skin tones (👍🏻) and ZWJ sequences
# in a name keep the table's columns where the terminal draws them (issue
# 15, item 22): the width tsunagi gives each name is the width tmux draws
# it with, in the CLI's client list and in the UI's.  tmux's own width of
# a text is read from its cursor after printing the text in a pane.
. "$(dirname "$0")/lib.sh"

W="$TMUX_SOCK-w"
trap 'tmux -L "$W" kill-server 2>/dev/null; _cleanup' EXIT
# drawn_width TEXT: the columns tmux moves its cursor by for TEXT.
drawn_width() {
	local i try
	tmux -L "$W" kill-server 2>/dev/null
	# Right after a kill-server a new server can fail to start: retry.
	for try in 1 2 3 4 5; do
		tmux -L "$W" -f /dev/null new-session -d -x 250 -y 3 \
			env S="$1" LANG=C.UTF-8 sh -c 'printf "%s" "$S"; printf "\033[1;250HZ\033[1;1H"; printf "%s" "$S"; exec sleep 30' \
			2>/dev/null && break
		[ $try = 5 ] && fail "tmux did not start"
		sleep 0.2
	done
	for i in $(seq 100); do
		tmux -L "$W" capture-pane -p -t 0 2>/dev/null | head -1 | grep -q 'Z$' && break
		sleep 0.05
	done
	tmux -L "$W" display -p -t 0 '#{cursor_x}'
}

names=("$(printf 'A\u2764\uFE0F子')" "$(printf 'B\U0001F1EF\U0001F1F5郎')"
	"$(printf 'C\U0001F44D\U0001F3FB男')" "$(printf 'D\U0001F468\u200D\U0001F469\u200D\U0001F467家')" "普通 名前")
kanas=(あい かい さい たい なに)
for i in 0 1 2 3 4; do
	tsu client add --name "${names[$i]}" --kana "${kanas[$i]}" --birth 1980-01-01 >/dev/null || fail "client add ${names[$i]}"
done

# The CLI: every row, name padded, is as wide on the terminal as the
# plain one's up to the kana.
tsu client list > "$T/list" || fail "client list"
want=""
for i in 4 0 1 2 3; do
	row=$(grep -F "${kanas[$i]}" "$T/list") || fail "no row for ${names[$i]}"
	prefix=${row%%"${kanas[$i]}"*}
	w=$(drawn_width "$prefix")
	[ -n "$want" ] || want=$w
	[ "$w" = "$want" ] || fail "CLI: the row of ${names[$i]} puts its kana at column $w on the terminal, the plain row at $want: '$row'"
done

# The UI: the kana column starts where the header says, as tmux draws it.
ui_start 100 24 --
ui_wait "Overdue"
ui_keys c
ui_wait "普通 名前"
head=$(ui_screen | grep -F "kana" | head -1)
col=$(drawn_width "${head%%kana*}")
for i in 0 1 2 3 4; do
	row=$(ui_screen | grep -F "${kanas[$i]}" | head -1)
	[ -n "$row" ] || fail "UI: no row for ${names[$i]}: $(ui_screen)"
	w=$(drawn_width "${row%%"${kanas[$i]}"*}")
	[ "$w" = "$col" ] || fail "UI: the row of ${names[$i]} has its kana at column $w, the header at $col: '$row'"
done
