# pulse-daily --source events: the metrics of archived dumps (pulse-extract
# events), the report of --day in Russian by default, the chart of the last
# --days days; --dry-run prints the requests; usage errors exit 64
S=$SAMPLES
pulse-daily --state-dir st --chat-id @sales_head --day 2026-01-20 --days 14 --source events --dry-run \
	-- --dict "$S/sales-dict.csv" --payments "$S/sales-payments.csv.zst" "$S/sales-events.csv.zst" > out
sed 's/ {"chat_id".*//' out
jq -r '.text' st/report.ndjson
echo "-- the chart: 14 days of each metric"
jq -r '.day' st/chart.ndjson | sort -u | sed -n '1p;$p'
python3 "$ROOT/tests/tools/svg_check.py" valid st/chart.svg
grep -c '^<rect .*<title>' st/chart.svg
sed -n 's/^<svg .* width="\([0-9]*\)".*/width (at most 1080, for a phone): \1/p' st/chart.svg
echo "-- published for the bot: STATE/sales/published/latest"
ls st/sales/published/latest/
jq -c '{job, day, dry_run}' st/sales/published/latest/run.json
jq -r '"\(.event) \(.outcome) \(.count) p50 \(.p50)"' st/sales/published/latest/durations.ndjson
echo "-- usage"
set +e
# the messages go to stderr, each after a line that names its arguments,
# without the usage line that follows them
first() {
	local args=${*:3}
	echo "# ${args:-no --chat-id}" >&2
	pulse-daily "$@" </dev/null 2>err
	local st=$?
	head -n 1 err >&2
	return $st
}
first --state-dir st
first --state-dir st --chat-id 1 --lang de
first --state-dir st --chat-id 1 --source events
first --state-dir st --chat-id 1 --day 2026-02-30
echo "exit $?"
for a in "--tz Mars/Base" "--max-tries 0" "--backoff soon" "--db 'host=db password=pw'" \
	"--db x --db-file y" "--full --source events -- x.csv" "--bogus" \
	"-- --state other" "-- --db=x"; do
	echo "# --chat-id 1 $a" >&2
	eval "pulse-daily --state-dir st --chat-id 1 $a" 2>err
	echo "exit $?"
	grep -v '^usage' err >&2
done
set -e
echo "-- one run at a time"
exec 8> st/lock
flock 8
set +e
echo '# another run holds the lock' >&2
pulse-daily --state-dir st --chat-id 1 --source events -- "$S/sales-events.csv.zst"
echo "exit $?"
