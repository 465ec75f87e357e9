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
echo "-- usage"
set +e
pulse-daily --state-dir st < /dev/null 2>&1 | head -n 1
pulse-daily --state-dir st --chat-id 1 --lang de 2>&1 | head -n 1
pulse-daily --state-dir st --chat-id 1 --source events 2>&1 | head -n 1
pulse-daily --state-dir st --chat-id 1 --day 2026-02-30 2>&1 | head -n 1
pulse-daily --state-dir st --chat-id 1 --day 2026-02-30 > /dev/null 2>&1
echo "exit $?"
for a in "--tz Mars/Base" "--max-tries 0" "--backoff soon" "--db 'host=db password=pw'" \
	"--db x --db-file y" "--full --source events -- x.csv" "--bogus" \
	"-- --state other" "-- --db=x"; do
	eval "pulse-daily --state-dir st --chat-id 1 $a" 2>&1 | grep -v '^usage'
	eval "pulse-daily --state-dir st --chat-id 1 $a" >/dev/null 2>&1
	echo "exit $?"
done
set -e
echo "-- one run at a time"
exec 8> st/lock
flock 8
set +e
pulse-daily --state-dir st --chat-id 1 --source events -- "$S/sales-events.csv.zst" 2>&1
echo "exit $?"
