command -v parallel >/dev/null || { echo "GNU parallel is not installed" >&2; exit 77; }
# pulse-shard N 'pulse-sankey ...' writes the bytes one pulse-sankey
# writes: from files (each shard reads them) and from stdin (parallel
# --pipe --tee), for 1, 2 and 5 shards, with --steps and --require.
S=$SAMPLES
pulse-extract events --dict "$S/sales-dict.csv" --payments "$S/sales-payments.csv.zst" \
	"$S/sales-events.csv.zst" > ev.ndjson
zstd -q ev.ndjson -o ev.ndjson.zst
same() { # name, then the two files
	if cmp -s "$2" "$3"; then echo "same: $1"; else echo "DIFFER: $1"; diff "$2" "$3" | head -5; fi
}
for args in '' '--steps 4' "--require 'Назначение ВУ'"; do
	eval "pulse-sankey $args ev.ndjson" > one
	for n in 1 2 5; do
		pulse-shard $n "pulse-sankey $args" ev.ndjson > many
		same "$n shards, file, $args" one many
	done
	pulse-shard 3 "pulse-sankey $args" < ev.ndjson.zst > many
	same "3 shards, stdin zstd, $args" one many
done
wc -l < one
pulse-shard -o out.ndjson 2 'pulse-sankey' ev.ndjson
same "-o" out.ndjson <(pulse-sankey ev.ndjson)
