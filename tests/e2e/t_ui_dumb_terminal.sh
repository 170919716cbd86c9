# A terminal that cannot move the cursor (TERM=dumb) gets a one-line
# message naming the commands that work there, not a blank screen.
. "$(dirname "$0")/lib.sh"

UI_TERM=dumb ui_start 80 24 --
ui_wait_dead 5 "the UI kept running on a dumb terminal"
ui_history | grep -qF "this terminal cannot move the cursor" || fail "no message: $(ui_history)"
ui_history | grep -qF "tsunagi due" || fail "no message: $(ui_history)"
