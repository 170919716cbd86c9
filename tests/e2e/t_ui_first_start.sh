# The first start (issue 16 item 17): with no config file the UI asks
# once for the office and the worker over the alarm list.  Esc skips and
# writes the two names empty, so the next start does not ask; a file
# that has other lines but no names is asked too, and answering keeps
# those lines and shows the names at once.
. "$(dirname "$0")/lib.sh"

CF="$XDG_CONFIG_HOME/tsunagi/config"
rm -rf "$XDG_CONFIG_HOME"
tsu client list > /dev/null || fail "database"

ui_start 80 24 --
ui_wait "First start"
ui_screen > "$T/screen"
diff -u - "$T/screen" >&2 <<'X' || fail "the first start's question differs"
 tsunagi | Settings                                       2026-11-23 (R8.11.23)
First start: the office and your name, as the printouts show them

>Office (事業者名) :
 Worker (専門員)   :

















Enter saves; Esc skips (not asked again); S changes them later.
 F2:OK  Esc:cancel  Tab:next field
X
ui_keys Escape
ui_wait "Skipped; set the names later on the settings screen (S)."
ui_wait "Overdue 0"
[ "$(cat "$CF")" = $'office =\nworker =' ] || fail "skipping wrote: $(cat "$CF")"
[ "$(stat -c %a "$CF")" = 600 ] || fail "config mode $(stat -c %a "$CF")"
[ "$(stat -c %a "$XDG_CONFIG_HOME/tsunagi")" = 700 ] || fail "config dir mode $(stat -c %a "$XDG_CONFIG_HOME/tsunagi")"
ui_keys Q
ui_wait_dead 5
tmux -L "$TMUX_SOCK" kill-server

# Not asked again: the first frame is the alarm list.
ui_start 80 24 --
ui_wait "Overdue 0"
ui_screen | grep -qF "First start" && fail "asked again after it was skipped"
ui_keys Q
ui_wait_dead 5
tmux -L "$TMUX_SOCK" kill-server

# A file with no names is asked about; the answer keeps its lines.
printf '# mine\nbind.quit = Q\n' > "$CF"
ui_start 80 24 --
ui_wait "First start"
ui_type "つなぎ相談支援センター"
ui_keys Tab
ui_type "山田 太郎"
ui_keys Enter
ui_wait "Saved in ~/.config/tsunagi/config."
ui_wait "つなぎ相談支援センター / 山田 太郎"
ui_wait "Overdue 0"
[ "$(cat "$CF")" = $'# mine\nbind.quit = Q\noffice = つなぎ相談支援センター\nworker = 山田 太郎' ] ||
	fail "the answer wrote: $(cat "$CF")"
tsu client list > /dev/null || fail "database after"
ui_keys Q
ui_wait_dead 5
