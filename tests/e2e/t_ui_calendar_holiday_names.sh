# The month calendar at 80x24 in Japanese: a holiday's name too wide for
# its cell (7 columns) loses "の日" ("成人", not the cut "成人の": the
# cell is marked * and red as a holiday already); a name still too wide
# ends with "…" (issue 16, item 21).  Today is 2026-11-05.
. "$(dirname "$0")/lib.sh"
LANG=ja_JP.UTF-8
TSUNAGI_TODAY=2026-11-05
export LANG TSUNAGI_TODAY

cut_inside() { # the screen in $T/cal shows $1 cut
	if grep -q "$1" "$T/cal"; then
		cat "$T/cal" >&2
		fail "a holiday's name is cut inside a word: $1"
	fi
}

ui_start 80 24 --
ui_wait "?:ヘルプ"
ui_keys C
ui_wait "23* 勤労感…"
ui_screen > "$T/cal"
grep -q " 3\* 文化 " "$T/cal" || { cat "$T/cal" >&2; fail "文化の日 is not shown as 文化"; }
cut_inside "文化の"
cut_inside "勤労感謝の"
ui_keys ']' ']'
ui_wait "11* 成人 "
ui_screen > "$T/cal"
cut_inside "成人の"
