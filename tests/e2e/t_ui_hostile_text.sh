# Text from the database never reaches the terminal raw: a name holding
# an escape sequence is drawn with a visible placeholder, on the list and
# on the card, and the screen stays intact.
. "$(dirname "$0")/lib.sh"

esc=$(printf '\033')
tsu client add --name "悪${esc}]0;pwned${esc}\\名" --kana "あく${esc}[2J" --birth 1970-01-01 >/dev/null || fail "client add"

ui_start 80 24 --
ui_wait "Overdue"
ui_keys c
ui_wait "悪^[]0;pwned^[\\名"
ui_wait "あく^[[2J"
ui_screen | head -n 1 | grep -q "^ tsunagi | Clients" || fail "the title row was disturbed"
ui_keys Enter
ui_wait "[Basics]"
ui_wait "悪^[]0;pwned^[\\名"
[ "$(tmux -L "$TMUX_SOCK" display-message -p -t t '#{pane_title}')" != pwned ] || fail "the title escape reached the terminal"
