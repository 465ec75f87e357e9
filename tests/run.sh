#!/usr/bin/env bash
# tests/run.sh - pulse's test runner.
#
#   tests/run.sh [--unit|--e2e|--hostile] [--update] [PATTERN...]
#
# Unit tests: every $B/tests/*_test binary (Check suites, tests/unit/).
# Cases: every tests/e2e/<prog>/<case>.sh (end to end) and every
# tests/hostile/<class>/<case>.sh (bad input of one class on one input
# path), run with bash -eu in a fresh temporary directory, LC_ALL=C, the
# built programs first on PATH, and ROOT, SAMPLES and SHARED (../shared,
# which may be absent) in the environment.  A case passes when its stdout
# equals <case>.sh.stdout byte for byte, its exit status equals
# <case>.sh.exit (0 when absent) and, when <case>.sh.stderr exists, its
# stderr equals that (with $B and $ROOT written as such); exit 77 means
# skipped (the case prints why on stderr).  --update rewrites the goldens
# from the actual output (a .stderr only where one exists: create it
# empty to start one): review the diff before committing.
# PATTERN limits the run to cases whose path contains it.  Cases run
# PULSE_TEST_JOBS at a time (default: the cores; 1: one after another),
# each in its own directory, and are reported in order.
set -u
export LC_ALL=C

ROOT=$(cd "$(dirname "$0")/.." && pwd)
B=${B:-build}
case $B in /*) ;; *) B=$ROOT/$B ;; esac
export ROOT B
export SAMPLES=$ROOT/samples
export SHARED=${SHARED:-$ROOT/../shared}
export PATH=$B/bin:$ROOT/scripts:$PATH
export PULSE_RULES=$ROOT/samples/rules/tickets.rules

unit=1 e2e=1 hostile=1 update=0
pats=()
for a in "$@"; do
	case $a in
	--unit) e2e=0 hostile=0 ;;
	--e2e) unit=0 hostile=0 ;;
	--hostile) unit=0 e2e=0 ;;
	--update) update=1 ;;
	-h|--help) sed -n '2,24p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
	*) pats+=("$a") ;;
	esac
done

passed=0 failed=0 skipped=0
failures=()

matches() {
	[ ${#pats[@]} -eq 0 ] && return 0
	local p
	for p in "${pats[@]}"; do
		case $1 in *"$p"*) return 0 ;; esac
	done
	return 1
}

if [ $unit = 1 ]; then
	for t in "$B"/tests/*_test; do
		[ -x "$t" ] || continue
		matches "$t" || continue
		if out=$(CK_VERBOSITY=minimal "$t" 2>&1); then
			passed=$((passed + 1))
			printf 'ok   unit/%s\n' "${t##*/}"
		else
			failed=$((failed + 1))
			failures+=("unit/${t##*/}")
			printf 'FAIL unit/%s\n%s\n' "${t##*/}" "$out"
		fi
	done
fi

# The stderr of a case as its golden file holds it: the build and the
# checkout are named $B and $ROOT, so the goldens do not depend on where
# the tests run.
norm_err() {
	sed -e "s|$B|\$B|g" -e "s|$ROOT|\$ROOT|g" "$1"
}

cases=()
[ $e2e = 1 ] && cases+=("$ROOT"/tests/e2e/*/*.sh)
[ $hostile = 1 ] && cases+=("$ROOT"/tests/hostile/*/*.sh)

# run_case T DIR: the case T in DIR; its exit status and seconds go to
# DIR.rc (written last: the case is done when it exists).
run_case() {
	local t=$1 dir=$2 t0 rc
	mkdir -p "$dir"
	t0=$EPOCHREALTIME
	(cd "$dir" && exec bash -eu "$t" </dev/null >"$dir.out" 2>"$dir.err")
	rc=$?
	echo "$rc $(awk -v a="$EPOCHREALTIME" -v b="$t0" 'BEGIN { printf "%.1f", a - b }')" >"$dir.rc.tmp"
	mv "$dir.rc.tmp" "$dir.rc"
}

# judge T NAME DIR: compares a finished case with its goldens and says so.
judge() {
	local t=$1 name=$2 dir=$3 rc secs slow= want_rc=0 why=
	read -r rc secs <"$dir.rc"
	# a slow case says how slow (CI has a time budget)
	awk -v s="$secs" 'BEGIN { exit !(s >= 10) }' && slow=" ($secs s)"
	if [ "$rc" = 77 ]; then
		skipped=$((skipped + 1))
		printf 'skip %s: %s\n' "$name" "$(tail -n 1 "$dir.err")"
		return
	fi
	[ -f "$t.exit" ] && want_rc=$(cat "$t.exit")
	if [ $update = 1 ]; then
		cp "$dir.out" "$t.stdout"
		[ -f "$t.stderr" ] && norm_err "$dir.err" >"$t.stderr"
		[ "$rc" != 0 ] && echo "$rc" >"$t.exit"
		[ "$rc" = 0 ] && rm -f "$t.exit"
	fi
	if [ "$rc" != "$want_rc" ]; then
		why="exit $rc, expected $want_rc"
	elif [ ! -f "$t.stdout" ]; then
		why="no golden file ${name}.stdout"
	elif ! cmp -s "$dir.out" "$t.stdout"; then
		why="stdout differs"
	elif [ -f "$t.stderr" ] && ! norm_err "$dir.err" | cmp -s - "$t.stderr"; then
		why="stderr differs"
	fi
	if [ -z "$why" ]; then
		passed=$((passed + 1))
		printf 'ok   %s%s\n' "$name" "$slow"
	else
		failed=$((failed + 1))
		failures+=("$name")
		printf 'FAIL %s: %s\n' "$name" "$why"
		[ -f "$t.stdout" ] && diff -u "$t.stdout" "$dir.out" | head -40
		if [ -f "$t.stderr" ]; then
			norm_err "$dir.err" | diff -u "$t.stderr" - | head -40
		else
			sed 's/^/  stderr: /' "$dir.err" | head -20
		fi
	fi
}

# The cases run PULSE_TEST_JOBS at a time (default: the cores; 1: one
# after another); each is reported in order as soon as it and those
# before it are done.
sel=() names=() dirs=()
for t in "${cases[@]}"; do
	[ -f "$t" ] || continue
	name=${t#"$ROOT"/tests/}
	name=${name#e2e/}
	matches "$name" || continue
	sel+=("$t")
	names+=("$name")
done
if [ ${#sel[@]} -gt 0 ]; then
	tmproot=$(mktemp -d "${TMPDIR:-/tmp}/pulse-tests.XXXXXX")
	trap 'kill $(jobs -p) 2>/dev/null; rm -rf "$tmproot"' EXIT
	jobs_max=${PULSE_TEST_JOBS:-$(nproc 2>/dev/null || echo 1)}
	running=0 reported=0
	report_done() {
		while [ $reported -lt ${#dirs[@]} ] && [ -f "${dirs[$reported]}.rc" ]; do
			judge "${sel[$reported]}" "${names[$reported]}" "${dirs[$reported]}"
			reported=$((reported + 1))
		done
	}
	for i in "${!sel[@]}"; do
		dirs[i]=$tmproot/${names[i]//\//_}
		if [ "$jobs_max" -le 1 ]; then
			run_case "${sel[i]}" "${dirs[i]}"
		else
			if [ $running -ge "$jobs_max" ]; then
				wait -n
				running=$((running - 1))
			fi
			run_case "${sel[i]}" "${dirs[i]}" &
			running=$((running + 1))
		fi
		report_done
	done
	wait
	report_done
fi

echo
if [ $failed -gt 0 ]; then
	printf 'failed: %s\n' "${failures[@]}"
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ $failed = 0 ]
