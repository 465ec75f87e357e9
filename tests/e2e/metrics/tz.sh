# Times with an offset move to --tz for their day; times without one are
# already the report's local time.  Near midnight, by hand:
#   V 21:30Z and V 00:10+03:00 (= 21:10Z) are 03-01 in UTC, 03-02 in +03:00;
#   the naive V 23:50 is 03-01 in every zone.
echo '{"metrics":[{"name":"v","event":"V"}]}' > defs.json
cat > in.ndjson <<'J'
{"user_id":1,"ts":"2025-03-01T21:00:00Z","event":"L1"}
{"user_id":1,"ts":"2025-03-01T21:30:00Z","event":"V"}
{"user_id":2,"ts":"2025-03-02T00:10:00+03:00","event":"V"}
{"user_id":3,"ts":"2025-03-01T23:50:00","event":"V"}
J
for tz in UTC +03:00 Europe/Moscow -05:00; do
	echo "-- $tz"
	pulse-metrics --defs defs.json --tz "$tz" in.ndjson | jq -c '[.day, .value]'
done
echo "-- default is UTC"
pulse-metrics --defs defs.json in.ndjson | jq -c '[.day, .value]'
# Berlin goes from +01:00 to +02:00 at 2025-03-30T01:00:00Z
cat > dst.ndjson <<'J'
{"user_id":1,"ts":"2025-03-29T23:30:00Z","event":"V"}
{"user_id":1,"ts":"2025-03-30T21:30:00Z","event":"V"}
{"user_id":1,"ts":"2025-03-30T22:30:00Z","event":"V"}
J
echo "-- Europe/Berlin over the change to summer time"
pulse-metrics --defs defs.json --tz Europe/Berlin dst.ndjson | jq -c '[.day, .value]'
echo "-- the same in UTC"
pulse-metrics --defs defs.json dst.ndjson | jq -c '[.day, .value]'
echo "-- unknown zones"; echo "-- unknown zones" >&2
for tz in Mars/Olympus +3 +24:00 ''; do
	pulse-metrics --defs defs.json --tz "$tz" in.ndjson 2>err || true
	head -n 1 err >&2
done
