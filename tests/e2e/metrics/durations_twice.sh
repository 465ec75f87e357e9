# an event named twice in --durations (in one list or two) is timed once:
# one histogram (a second one, empty, was written after the first)
printf '%s\n' '{"user_id":1,"event":"a","ts":"2025-01-01T00:00:00Z"}' \
	'{"user_id":1,"event":"b","ts":"2025-01-01T01:00:00Z"}' >in.ndjson
pulse-metrics --durations a,b,a --durations b --edges 0,2 in.ndjson | jq -c '[.key, .counts, .null]'
