# --durations: a histogram of the hours from each named event to the same
# user's next event (any event; in time order, equal times in input order).
# By hand, with --edges 0,1,2,4:
#   a 1h, b 2.5h, c 3h, d 0h (the next event has the same time),
#   e none (null), f: the 10:20 call arrives first; in time order the
#   10:00 call is followed by it (1/3 h = 0.333333333) and it by X (1h)
#   counts: below 0: 0; [0,1): d, f1 = 2; [1,2): a, f2 = 2; [2,4): b, c = 2
#   sum 7.833333333; p50: rank 3 -> [1,2) half way = 1.5; p90: rank 5.4 ->
#   [2,4) at 1.4 of 2 = 3.4.  X is always last: 5 nulls, p50 and p90 null.
cat > in.ndjson <<'J'
{"user_id":"a","ts":"2025-03-01T10:00:00Z","event":"call"}
{"user_id":"a","ts":"2025-03-01T11:00:00Z","event":"X"}
{"user_id":"b","ts":"2025-03-01T10:00:00Z","event":"call"}
{"user_id":"b","ts":"2025-03-01T12:30:00Z","event":"X"}
{"user_id":"c","ts":"2025-03-01T10:00:00Z","event":"call"}
{"user_id":"c","ts":"2025-03-01T13:00:00Z","event":"X"}
{"user_id":"d","ts":"2025-03-01T10:00:00Z","event":"call"}
{"user_id":"d","ts":"2025-03-01T10:00:00Z","event":"X"}
{"user_id":"e","ts":"2025-03-01T10:00:00Z","event":"call"}
{"user_id":"f","ts":"2025-03-01T10:20:00Z","event":"call"}
{"user_id":"f","ts":"2025-03-01T10:00:00Z","event":"call"}
{"user_id":"f","ts":"2025-03-01T11:20:00Z","event":"X"}
J
pulse-metrics --durations call,X --edges 0,1,2,4 in.ndjson
echo "-- the default edges; --durations repeated; --sorted gives the same"
pulse-metrics --durations call --durations X in.ndjson > a
pulse-metrics --durations call,X --sorted in.ndjson > b
cmp a b
jq -c '[.event, .edges, .counts, .p50, .p90]' a
echo "-- with --defs: the metrics first"
echo '{"metrics":[{"name":"calls","event":"call"}]}' > defs.json
pulse-metrics --defs defs.json --durations X in.ndjson | jq -c '[.kind, .value // .null]'
echo "-- no input: the histograms, empty"
pulse-metrics --durations call --edges 1 < /dev/null
