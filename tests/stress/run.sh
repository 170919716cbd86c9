#!/usr/bin/env bash
# run.sh [PATTERN] - runs every tests/stress/s_*.sh, like tests/e2e/run.sh.
# STRESS_LEVEL=quick (make check) or long (make stress) sets the trial
# counts; STRESS_B holds the helper programs (crashdrv, faultshim.so).
set -u
here=$(cd "$(dirname "$0")" && pwd)
: "${TSUNAGI_BIN:?set TSUNAGI_BIN to the tsunagi binary}"
: "${STRESS_B:?set STRESS_B to the directory of crashdrv and faultshim.so}"
export TSUNAGI_BIN STRESS_B STRESS_LEVEL=${STRESS_LEVEL:-quick} STRESS_SAN=${STRESS_SAN:-}
pass=0 fail=0 failed=""
t0=$(date +%s)
for t in "$here"/s_*.sh; do
	name=$(basename "$t" .sh)
	case "$name" in *"${1:-}"*) ;; *) continue ;; esac
	s=$(date +%s)
	out=$(timeout 1800 bash "$t" 2>&1)
	rc=$?
	if [ $rc -eq 0 ]; then
		pass=$((pass + 1))
		echo "ok    $name ($(( $(date +%s) - s )) s) $(printf '%s\n' "$out" | grep -E '^[a-z-]+: [0-9]' | tr '\n' ' ')"
	else
		fail=$((fail + 1))
		failed="$failed $name"
		echo "FAIL  $name (exit $rc)"
		printf '%s\n' "$out" | sed 's/^/      /' | tail -n 60
	fi
done
[ -n "$failed" ] && echo "failed:$failed"
echo "stress: $STRESS_LEVEL level, $(( $(date +%s) - t0 )) s"
# The plain closing line CI reads.
echo "stress: $pass passed, $fail failed"
[ $fail -eq 0 ]
