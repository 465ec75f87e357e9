# pulse-metrics --partial over shards of the users of the sales sample,
# merged, is pulse-metrics over all of them: the final day records (every
# day of the whole range, prev_day, week_ago, mean_7d) and the --durations
# histograms with their quantiles estimated again.
S=$SAMPLES
pulse-extract events --dict "$S/sales-dict.csv" --payments "$S/sales-small-payments.csv" \
	"$S/sales-small-events.csv" > ev.ndjson
args=(--defs "$S/sales-metrics.json" --tz Europe/Moscow
	--durations 'Назначение задачи на звонок 1Л,Назначена задача на вторую линию')
pulse-metrics "${args[@]}" ev.ndjson > whole
for i in 1 2 3; do
	pulse-metrics "${args[@]}" --partial --shard $i/3 ev.ndjson > shard.$i
done
pulse-merge shard.1 shard.2 shard.3 | cmp - whole && echo "--shard 1/3 .. 3/3: same"
jq -c 'select(.kind == "metric")' whole | sed -n '8p'
jq -c 'select(.kind == "histogram") | [.key[0], .count, .p50, .p90]' whole

echo "-- a shard whose days are fewer than the whole's: users first seen in 2026"
jq -r 'select(.ts < "2026") | .user_id' ev.ndjson | sort -u > old
jq -c --rawfile old old '($old | split("\n")) as $o |
	select((.user_id | tostring) as $u | $o | index($u) | not)' ev.ndjson > late.ndjson
jq -c --rawfile old old '($old | split("\n")) as $o |
	select((.user_id | tostring) as $u | $o | index($u))' ev.ndjson > early.ndjson
pulse-metrics "${args[@]}" --partial late.ndjson > late
pulse-metrics "${args[@]}" --partial early.ndjson > early
for f in early late whole; do
	printf '%s: ' $f
	jq -r 'select(.kind == "metric") | .day' $f | sort -u | sed -n '1p;$p' | paste -sd ' '
done
pulse-merge late early | cmp - whole && echo "late first: same"
pulse-merge early late | cmp - whole && echo "early first: same"

echo "-- an empty shard writes the histograms but no metric, even first"
pulse-metrics "${args[@]}" --partial /dev/null > empty
jq -r .kind empty
pulse-merge empty shard.1 empty shard.2 shard.3 | cmp - whole && echo "same"
echo "-- all shards empty: the histograms of nothing"
pulse-merge empty empty | cmp - <(pulse-metrics "${args[@]}" /dev/null) && echo "same"
