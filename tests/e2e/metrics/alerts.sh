# pulse-metrics --alerts on generated events with a broken day: on the
# events as generated no day of 2026-01-01..20 raises an alert; with the
# intro lessons of Wednesday 2026-01-14 (Moscow) gone and no payment from
# 2026-01-13 12:00 to the end of the 14th, that day raises exactly the four
# expected alerts (zero, drop, zero, silent) and no other day any.  --as-of
# judges the day up to a time of day against the same weekdays up to it;
# grouped input (--sorted) and input whose second half comes first (users
# going back in time: counted again) give the same bytes; the records
# validate against schemas/alert.schema.json.
PY=python3
[ -x /usr/bin/python3 ] && PY=/usr/bin/python3
defs=$ROOT/tests/e2e/metrics/alert-defs.json
pulse-gen events --users 4000 --days 70 --as-of 2026-01-21T00:00:00Z --expected ev.ndjson -o /dev/null
jq -c 'select(((.event == "Назначение ВУ") and .ts >= "2026-01-13T21:00:00Z" and .ts < "2026-01-14T21:00:00Z")
	or (.event == "payment" and .ts >= "2026-01-13T09:00:00Z" and .ts < "2026-01-14T21:00:00Z") | not)' \
	ev.ndjson > broken.ndjson
for f in ev broken; do
	echo "-- $f: alerts of each day"
	for d in $(seq -f '2026-01-%02g' 1 20); do
		pulse-metrics --defs "$defs" --tz Europe/Moscow --alerts --day "$d" $f.ndjson
	done > $f.alerts
	jq -c '[.day, .rule, .metric, .value, .expected]' $f.alerts
done
echo "-- the records"
cat broken.alerts
echo "-- --as-of 2026-01-14T15:00 (Moscow): up to 15:00 of that day and of the band's"
pulse-metrics --defs "$defs" --tz Europe/Moscow --alerts --as-of 2026-01-14T12:00:00Z broken.ndjson > asof.alerts
jq -c '[.day, .until, .rule, .metric, .value, .expected]' asof.alerts
pulse-metrics --defs "$defs" --tz Europe/Moscow --alerts --as-of 2026-01-14T15:00:00 broken.ndjson | cmp - asof.alerts
pulse-metrics --defs "$defs" --tz Europe/Moscow --alerts --as-of 2026-01-14T12:00:00Z ev.ndjson | wc -l
echo "-- the same from grouped input and from input out of time order"
jq -r '"\(.user_id)\t\(tojson)"' broken.ndjson | sort -s -k1,1 | cut -f2- > grouped.ndjson
pulse-metrics --sorted --defs "$defs" --tz Europe/Moscow --alerts --day 2026-01-14 grouped.ndjson |
	cmp - <(grep 2026-01-14 broken.alerts)
# (equal times keep their order: the cut falls between two times)
h=$(($(wc -l < broken.ndjson) / 2))
{ tail -n +$((h + 1)) broken.ndjson; head -n $h broken.ndjson; } > rotated.ndjson
pulse-metrics --defs "$defs" --tz Europe/Moscow --alerts --as-of 2026-01-14T12:00:00Z rotated.ndjson |
	cmp - asof.alerts
echo same
$PY "$ROOT/tests/schemas/validate.py" "$ROOT/schemas" broken.alerts asof.alerts
