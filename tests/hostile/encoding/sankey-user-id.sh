# pulse-sankey: one user id written two ways, "crm/7" and "crm\/7" (PHP's
# json_encode escapes slashes) or "\u0438" (Python's ensure_ascii), is one
# user: taken as raw bytes it was two (wrong links, exit 0).  The shards
# of --shard agree, so their merge is the single run.
printf '%s\n' '{"user_id":"crm/7","event":"a","ts":"2025-03-01T10:00:00Z"}' \
	'{"user_id":"crm\/7","event":"b","ts":"2025-03-01T11:00:00Z"}' \
	'{"user_id":"и","event":"a","ts":"2025-03-01T10:00:00Z"}' \
	'{"user_id":"\u0438","event":"c","ts":"2025-03-01T11:00:00Z"}' >in.ndjson
pulse-sankey in.ndjson
echo "-- sorted (grouped by the user as written)"
pulse-sankey --sorted in.ndjson
echo "-- three shards, merged"
for i in 1 2 3; do pulse-sankey --shard $i/3 in.ndjson; done | pulse-merge
echo "-- mapped (KEY TAB RECORD), grouped by key, reduced"
pulse-sankey --map in.ndjson | sort -s -t "$(printf '\t')" -k1,1 | pulse-sankey --keyed --sorted
