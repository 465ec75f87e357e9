#!/usr/bin/env bash
# tests/pg/bench-extract.sh - pulse-extract pg on a big table, with its
# rows/s and peak RSS: the streaming check that make check leaves out.
#
#   tests/pg/bench-extract.sh [USERS]      (default 1000000: ~7.7M rows)
#
# Starts a throwaway server (tests/pg/pg-env.sh), loads `pulse-gen events
# --users USERS` with COPY, then times, each with /usr/bin/time:
#   - the full default query (server sort included) to /dev/null,
#   - the same to a pipe into wc -l (the records are counted),
#   - pulse-extract events on the CSV dumps (in memory and --sorted),
#   - an incremental run with --state after the bookmark of the full run
#     minus the last day (the daily case: the index finds the rows).
# Uses the binaries in $B/bin (default build).  Takes a few minutes at the
# default size; prints one line per measure.
set -euo pipefail
export LC_ALL=C
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
B=${B:-build}
case $B in /*) ;; *) B=$ROOT/$B ;; esac
export ROOT B SAMPLES=$ROOT/samples
export PATH=$B/bin:$PATH
users=${1:-1000000}
work=$(mktemp -d "${TMPDIR:-/tmp}/pulse-bench.XXXXXX")
cd "$work"
. "$ROOT/tests/pg/pg-env.sh"
trap 'pg_stop; rm -rf "$work"' EXIT

# run NAME CMD...: wall seconds and peak RSS of CMD
run() {
	local name=$1
	shift
	/usr/bin/time -f '%e %M %U %S' -o t.out "$@"
	read -r secs rss usr sys <t.out
	printf '%-34s %8s s  %7s kB peak RSS  (CPU %s s user, %s s sys)\n' \
		"$name" "$secs" "$rss" "$usr" "$sys"
}

pulse-gen events --users "$users" --events ev.csv --payments pay.csv \
	--dict dict.csv --expected expected.ndjson
rows=$(($(wc -l <ev.csv) + $(wc -l <pay.csv) - 2))
echo "users $users, rows $rows (events $(($(wc -l <ev.csv) - 1)), payments $(($(wc -l <pay.csv) - 1)))"
start=$(date +%s.%N)
psql -q -X -v ON_ERROR_STOP=1 -f "$SAMPLES/sales-schema.sql" >/dev/null
pg_copy events_dict dict.csv
pg_copy events ev.csv
pg_copy payments pay.csv
pg_sql 'ANALYZE'
echo "load (COPY, indexes, ANALYZE): $(awk "BEGIN { printf \"%.1f\", $(date +%s.%N) - $start }") s"

run 'pulse-extract pg -o /dev/null' pulse-extract pg -o /dev/null
pg_secs=$secs
echo "  $(awk "BEGIN { printf \"%d\", $rows / $pg_secs }") rows/s"
run 'pulse-extract pg -o out (check)' pulse-extract pg -o out.ndjson
cmp out.ndjson expected.ndjson && echo '  = the expected records'
rm -f out.ndjson
run 'pulse-extract events (sort)' pulse-extract events --dict dict.csv \
	--payments pay.csv -o /dev/null ev.csv
echo "  $(awk "BEGIN { printf \"%d\", $rows / $secs }") rows/s"
run 'pulse-extract events --sorted' pulse-extract events --sorted \
	--dict dict.csv --payments pay.csv -o /dev/null ev.csv
echo "  $(awk "BEGIN { printf \"%d\", $rows / $secs }") rows/s"
# the daily case: a bookmark a day before the end
last=$(tail -n 1 ev.csv | cut -d, -f4)
pulse-extract pg --until "$(echo "$last" | cut -c1-10)" --state st -o /dev/null
run 'pulse-extract pg --state (1 day)' pulse-extract pg --state st -o day.ndjson
echo "  $(wc -l <day.ndjson) rows"
