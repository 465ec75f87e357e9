# --sorted: input grouped by user_id (a stable sort by user keeps each
# user's events in input order) gives what the unsorted mode gives, metrics
# and durations; an event of a user whose group has ended is a bad record.
d="$ROOT/tests/e2e/metrics"
jq -r '"\(.user_id)\t\(tojson)"' "$d/events.ndjson" | sort -s -k1,1 | cut -f2- > grouped.ndjson
pulse-metrics --defs "$d/defs.json" --durations L1,V "$d/events.ndjson" > unsorted.out
pulse-metrics --defs "$d/defs.json" --durations L1,V --sorted grouped.ndjson > sorted.out
cmp unsorted.out sorted.out
pulse-metrics --defs "$d/defs.json" --durations L1,V grouped.ndjson > b
cmp unsorted.out b
wc -l < sorted.out
echo "-- ungrouped: fail"
pulse-metrics --defs "$d/defs.json" --sorted "$d/events.ndjson" > out 2> err || echo "exit $?"
wc -c < out
sed "s|$d/||" err
echo "-- ungrouped: skip (user 1 keeps L1, V; user 3 DU, X)"
pulse-metrics --defs "$d/defs.json" --sorted --on-error=skip "$d/events.ndjson" 2> err |
	jq -c 'select(.value > 0) | [.name, .day, .value]'
sed "s|$d/||" err
