# pulse-metrics: a payment of "crm\/7" right after a call of "crm/7" is one
# user's (PHP's json_encode escapes slashes): taken as raw bytes they were
# two users and the payment counted 0, exit 0.  Shards agree.
echo '{"metrics":[{"name":"paid","event":"pay","after":["call"]}]}' >defs.json
printf '%s\n' '{"user_id":"crm/7","event":"call","ts":"2025-03-01T10:00:00Z"}' \
	'{"user_id":"crm\/7","event":"pay","ts":"2025-03-01T11:00:00Z"}' >in.ndjson
pulse-metrics --defs defs.json in.ndjson
echo "-- three shards, merged"
for i in 1 2 3; do pulse-metrics --defs defs.json --partial --shard $i/3 in.ndjson; done | pulse-merge
