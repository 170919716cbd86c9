# A terminal that cannot move the cursor (TERM=dumb) gets a one-line
# message naming the commands that work there, not a blank screen.
. "$(dirname "$0")/lib.sh"

UI_TERM=dumb ui_start 80 24 --
for i in $(seq 100); do ui_dead && break; sleep 0.05; done
ui_dead || fail "the UI kept running on a dumb terminal"
ui_history | grep -qF "this terminal cannot move the cursor" || fail "no message: $(ui_history)"
ui_history | grep -qF "tsunagi due" || fail "no message: $(ui_history)"
