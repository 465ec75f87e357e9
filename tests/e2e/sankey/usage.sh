# bad command lines exit 64 with a message and the usage line; --help and
# --version exit 0; a closed pipe is quiet
for args in "--steps 1" "--steps 256" "--steps x" "--steps=" "--require ," "--require A,,B" "--bogus"; do
	# shellcheck disable=SC2086
	pulse-sankey $args </dev/null 2>err && echo "no failure?" || echo "$args: exit $?"
	cat err
done
pulse-sankey --help | head -n 2
pulse-sankey --version
echo "-- missing file"
pulse-sankey nope.ndjson 2>err || echo "exit $?"
cat err
echo "-- closed pipe"
awk 'BEGIN { for (i = 0; i < 30000; i++) printf "{\"user_id\":%d,\"ts\":\"2025-03-01T10:00:00Z\",\"event\":\"e%d\"}\n{\"user_id\":%d,\"ts\":\"2025-03-01T11:00:00Z\",\"event\":\"x\"}\n", i, i % 5000, i }' > in.ndjson
set -o pipefail
pulse-sankey in.ndjson | head -n 1
echo "status ${PIPESTATUS[0]}"
