# SIGKILL at random moments: CLI writers through crashdrv (single writers,
# two at once, bulk imports, new databases being created) and the UI in
# tmux saving a new client.  See crashdrv.c and crash_ui.sh.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../e2e/lib.sh"
if [ "$STRESS_LEVEL" = long ]; then cli=1000 ui=100; else cli=40 ui=8; fi
"$STRESS_B/crashdrv" "$TSUNAGI_BIN" "$T" "$cli" "${STRESS_SEED:-$RANDOM}" || fail "CLI crash trials"
bash "$here/crash_ui.sh" "$ui" || fail "UI crash trials"
