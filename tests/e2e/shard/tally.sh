command -v parallel >/dev/null || { echo "GNU parallel is not installed" >&2; exit 77; }
# pulse-shard N 'pulse-tally ...': blocks of lines to each process, the
# counts merged in input order, so even --sort-by first (the default)
# gives the single run's bytes; sums and histograms add exactly.
S=$SAMPLES
zstdcat "$S/odoo-labels.ndjson.zst" > labels.ndjson
same() {
	if cmp -s "$2" "$3"; then echo "same: $1"; else echo "DIFFER: $1"; diff "$2" "$3" | head -5; fi
}
for args in '-b category' "-b 'category,priority' --sort-by count" \
	'-b topics --sort-by key' '-b category -s days_waiting -H first_response_hours'; do
	eval "pulse-tally $args labels.ndjson" > one
	for n in 1 2 3; do
		pulse-shard --block 4k $n "pulse-tally $args" labels.ndjson > many
		same "$n shards, $args" one many
	done
	pulse-shard --block 8k 2 "pulse-tally $args" < "$S/odoo-labels.ndjson.zst" > many
	same "stdin zstd, $args" one many
done
