command -v parallel >/dev/null || { echo "GNU parallel is not installed" >&2; exit 77; }
# pulse-shard N 'pulse-metrics ...': the shards write --partial day counts
# and histograms, pulse-merge adds them and writes the final records -
# the same bytes as one run, prev_day, week_ago, mean_7d and p50/p90
# included.
S=$SAMPLES
pulse-extract events --dict "$S/sales-dict.csv" --payments "$S/sales-payments.csv.zst" \
	"$S/sales-events.csv.zst" > ev.ndjson
same() {
	if cmp -s "$2" "$3"; then echo "same: $1"; else echo "DIFFER: $1"; diff "$2" "$3" | head -5; fi
}
for args in "--defs $S/sales-metrics.json" \
	"--defs $S/sales-metrics.json --durations payment,'Назначение ВУ' --tz Europe/Moscow"; do
	eval "pulse-metrics $args ev.ndjson" > one
	for n in 1 2 3; do
		pulse-shard $n "pulse-metrics $args" ev.ndjson > many
		same "$n shards, file" one many
	done
	pulse-shard 2 "pulse-metrics $args" < ev.ndjson > many
	same "2 shards, stdin" one many
done
grep -c '"kind":"histogram"' one
