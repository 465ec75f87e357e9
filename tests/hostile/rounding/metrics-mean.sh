# pulse-metrics: mean_7d in full precision, the shortest form that reads
# back as the same double (as jq prints it), not rounded to two decimals;
# pulse-merge of --partial shards writes the same (both go through
# lib/series).  Rounding is the renderer's job.
echo '{"metrics":[{"name":"v","event":"visit"}]}' >defs.json
i=0
for d in 01 01 02 06 06 06 07 07 07 07 08 09; do
	echo "{\"user_id\":$((i += 1)),\"event\":\"visit\",\"ts\":\"2025-03-${d}T10:00:00Z\"}"
done >in.ndjson
pulse-metrics --defs defs.json in.ndjson | tail -n 2
echo "-- merged"
pulse-metrics --defs defs.json --partial in.ndjson | pulse-merge | tail -n 2
