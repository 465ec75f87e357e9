# pulse-sankey over three shards of the users of the sales sample (--shard,
# and a split by user with jq), merged, is pulse-sankey over all of them.
S=$SAMPLES
pulse-extract events --dict "$S/sales-dict.csv" --payments "$S/sales-small-payments.csv" \
	"$S/sales-small-events.csv" > ev.ndjson
check() {
	pulse-sankey "$@" ev.ndjson > whole
	for i in 1 2 3; do
		pulse-sankey "$@" --shard $i/3 ev.ndjson > shard.$i
		jq -c "select(.user_id % 3 == $i - 1)" ev.ndjson | pulse-sankey "$@" > mod.$i
	done
	pulse-merge shard.1 shard.2 shard.3 | cmp - whole && echo "$*: --shard: same"
	pulse-merge mod.3 mod.1 mod.2 | cmp - whole && echo "$*: by user: same"
	wc -l < whole
}
check --steps 4 --require 'Назначение ВУ'
check --steps 7
echo "-- each shard has fewer links than the whole"
for i in 1 2 3; do
	[ "$(wc -l < shard.$i)" -lt "$(wc -l < whole)" ] && echo "shard $i: fewer"
done
head -n 3 whole
echo "-- an empty shard writes nothing"
pulse-sankey /dev/null | wc -c
pulse-merge /dev/null shard.1 shard.2 shard.3 | cmp - whole && echo "same"
