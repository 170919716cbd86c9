#!/usr/bin/env bash
# Runs every tests/e2e/t_*.sh against $TSUNAGI_BIN and counts the results.
# A test passes when it exits 0; its output is shown only when it fails.
# Usage: run.sh [PATTERN]   (e.g. run.sh t_cli_ to run a subset)
set -u
here=$(cd "$(dirname "$0")" && pwd)
: "${TSUNAGI_BIN:?set TSUNAGI_BIN to the tsunagi binary}"
export TSUNAGI_BIN
pass=0 fail=0 failed=""
for t in "$here"/t_*.sh; do
	name=$(basename "$t" .sh)
	case "$name" in *"${1:-}"*) ;; *) continue ;; esac
	out=$(timeout 300 bash "$t" 2>&1)
	rc=$?
	if [ $rc -eq 0 ]; then
		pass=$((pass + 1))
		echo "ok    $name"
	else
		fail=$((fail + 1))
		failed="$failed $name"
		echo "FAIL  $name (exit $rc)"
		printf '%s\n' "$out" | sed 's/^/      /' | tail -n 60
	fi
done
[ -n "$failed" ] && echo "failed:$failed"
echo "e2e: $pass passed, $fail failed"
[ $fail -eq 0 ]
