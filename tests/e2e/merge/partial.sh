# A merge of merges: --partial over some shards, then the final merge of
# those results and the other shards, equals one merge of all shards; here
# with every kind mixed in each shard's file (kinds come out grouped, in
# the order first met).
S=$SAMPLES
pulse-extract events --dict "$S/sales-dict.csv" --payments "$S/sales-small-payments.csv" \
	"$S/sales-small-events.csv" > ev.ndjson
defs=(--defs "$S/sales-metrics.json" --durations 'Назначение ВУ')
tally=(--by event,'day(ts)' --sum amount -H amount --edges 0,1000,5000 --sort-by count)
for i in 1 2 3 4; do
	pulse-sankey --shard $i/4 ev.ndjson > s.$i
	pulse-metrics "${defs[@]}" --partial --shard $i/4 ev.ndjson >> s.$i
	jq -c "select(.user_id % 4 == $i - 1)" ev.ndjson | pulse-tally "${tally[@]}" >> s.$i
done
{
	pulse-sankey ev.ndjson
	pulse-metrics "${defs[@]}" ev.ndjson
	pulse-tally "${tally[@]}" ev.ndjson
} > whole
jq -r .kind whole | sort | uniq -c
echo "-- in the order: links, metrics, the --durations histogram, then each count and its histogram"
jq -r .kind whole | uniq | sed -n '1,6p'
pulse-merge --sort-by count s.1 s.2 s.3 s.4 > once
cmp once whole && echo "one merge: same"
pulse-merge --partial --sort-by count s.1 s.2 > p.12
pulse-merge --partial --sort-by count s.3 > p.3
pulse-merge --partial --sort-by count p.12 p.3 > p.123
pulse-merge --sort-by count p.123 s.4 | cmp - whole && echo "partial, partial, final: same"
echo "-- partial metric records cover the range; the others are final already"
jq -r 'select(.kind == "metric") | .partial' p.123 | uniq -c
jq -r 'select(.kind != "metric") | .kind' p.123 | sort -u
echo "-- --partial of everything merged is a fixed point"
pulse-merge --partial --sort-by count s.1 s.2 s.3 s.4 > p.all
pulse-merge --partial --sort-by count p.all | cmp - p.all && echo "same"
