command -v parallel >/dev/null || { echo "GNU parallel is not installed" >&2; exit 77; }
# pulse-shard N 'pulse-funnel ...': every process reads all records and
# counts the cohorts (a lead and its deals) of its shard, --partial;
# pulse-merge makes the tables one run makes.  The Bitrix24 sample.
S=$SAMPLES
pulse-extract bitrix --users "$S/bitrix-users.json" --statuses "$S/bitrix-statuses.json" \
	"$S/bitrix-leads.json.zst" "$S/bitrix-deals.json.zst" \
	"$S/bitrix-history.json.zst" "$S/bitrix-deal-history.json.zst" > rec.ndjson 2>/dev/null
same() {
	if cmp -s "$2" "$3"; then echo "same: $1"; else echo "DIFFER: $1"; diff "$2" "$3" | head -5; fi
}
AS_OF=2026-01-21T18:00:00+03:00
for args in "--as-of $AS_OF" "--by manager --as-of $AS_OF --stale-days 14" \
	"--by month --as-of $AS_OF"; do
	pulse-funnel $args rec.ndjson > one
	for n in 2 3; do
		pulse-shard $n "pulse-funnel $args" rec.ndjson > many
		same "$n shards, $args" one many
	done
	pulse-shard 2 "pulse-funnel $args" < rec.ndjson > many
	same "stdin, $args" one many
done
