# bad command lines exit 64 with a message and the usage line; --help and
# --version exit 0
echo '{"metrics":[{"name":"v","event":"V"}]}' > defs.json
for args in "" "--tz UTC" "--durations ," "--durations A,,B" "--edges 2,1 --durations A" "--edges x --durations A" "--defs defs.json --bogus"; do
	# shellcheck disable=SC2086
	pulse-metrics $args </dev/null 2>err && echo "no failure?" || echo "[$args]: exit $?"
	cat err
done
pulse-metrics --help | head -n 2
pulse-metrics --version
echo "-- a missing input file: the others are read, exit 66"
echo '{"user_id":1,"ts":"2025-03-01T10:00:00Z","event":"V"}' > in.ndjson
pulse-metrics --defs defs.json nope.ndjson in.ndjson 2>err || echo "exit $?"
cat err
