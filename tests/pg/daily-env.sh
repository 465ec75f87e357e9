# tests/pg/daily-env.sh - a pulse-daily that has run once, for the tests
# of what may happen to its state afterwards (tests/hostile/state).
#
# Sourced by a test (bash -eu): starts PostgreSQL (pg-env.sh) with the
# sales-small sample less its rows after 2026-01-18 12:00, and the fake
# Bot API (fake-env.sh); runs pulse-daily once into st/ (the archive and
# the bookmark of those rows); then puts the held-back rows in and empties
# the API's log.  The test then does something to st/ and runs
#
#	daily_run [options]   pulse-daily "${D[@]}" options, its stdout and
#	                      stderr as the case's, its status in $rc
#	daily_check           what the archive holds and what was sent:
#	                      each row once?  pulse-daily's metrics equal those
#	                      of every row of the database, counted once?  and
#	                      the text sent is theirs?
. "$ROOT/tests/pg/pg-env.sh"
. "$ROOT/tests/telegram/fake-env.sh"
trap 'fake_stop; pg_stop' EXIT
pg_load_sample sales-small
pg_sql "CREATE TABLE later_e AS SELECT * FROM events WHERE created_at > '2026-01-18 12:00+00'" \
	"CREATE TABLE later_p AS SELECT * FROM payments WHERE created_at > '2026-01-18 12:00+00'" \
	"DELETE FROM events WHERE created_at > '2026-01-18 12:00+00'" \
	"DELETE FROM payments WHERE created_at > '2026-01-18 12:00+00'"
fake_start
D=(--state-dir st --chat-id -100777 --day 2026-01-20 --lang en)
pulse-daily "${D[@]}" >/dev/null
pg_sql "INSERT INTO events SELECT * FROM later_e" "INSERT INTO payments SELECT * FROM later_p"
: >fake.log

daily_run() {
	rc=0
	pulse-daily "${D[@]}" "$@" || rc=$?
	echo "pulse-daily: exit $rc"
}

daily_check() {
	local n
	echo "the database: $(pulse-extract pg | wc -l) rows"
	echo "the archive: $(zstd -dcq st/events/*.ndjson.zst | wc -l) events"
	n=$(zstd -dcq st/events/*.ndjson.zst | jq -r 'select(.row) | .row' | sort | uniq -d | wc -l)
	if [ "$n" = 0 ]; then
		echo "each row once"
	else
		echo "$n rows twice or more"
	fi
	n=$(zstd -dcq st/events/*.ndjson.zst | jq -r 'select(.row | not) | 1' | wc -l)
	[ "$n" = 0 ] || echo "$n events without their row"
	echo "sent: $(jq -r '.path | sub(".*/"; "")' fake.log | tr '\n' ' ')"
	[ -s fake.log ] || return 0
	pulse-extract pg | pulse-metrics --defs "$SAMPLES/sales-metrics.json" >direct.ndjson
	if cmp -s st/metrics.ndjson direct.ndjson; then
		echo "the metrics: those of every row, once"
	else
		echo "the metrics: NOT those of every row once"
	fi
	pulse-render -f telegram --chat-id -100777 --lang en --day 2026-01-20 direct.ndjson |
		jq -c .text >direct.text
	if jq -c 'select(.body) | .body.text' fake.log | cmp -s - direct.text; then
		echo "the text sent: from the metrics of every row"
	else
		echo "the text sent: NOT from the metrics of every row"
	fi
}
