# Sharded: N processes, each reading the whole input and counting the
# cohorts (a lead with its deals) of its --shard, written --partial and
# merged by pulse-merge, give byte for byte what one process writes: with
# and without --by, with --stale-days and --as-of, for N = 3, N = 1 and
# shards that own no cohort; a merge of merges too.  On the Bitrix24 sample
# (samples/bitrix-small-*) made into records by pulse-extract bitrix.
S=$SAMPLES
pulse-extract bitrix --users "$S/bitrix-users.json" --statuses "$S/bitrix-statuses.json" \
	"$S/bitrix-small-leads.json" "$S/bitrix-small-deals.json" \
	"$S/bitrix-small-history.json" "$S/bitrix-small-deal-history.json" > rec.ndjson 2>/dev/null
AS_OF=2026-01-21T18:00:00+03:00
echo "records: $(jq -r .kind rec.ndjson | sort | uniq -c | awk '{printf "%s %s ", $1, $2}')"

sharded() { # N, pulse-funnel options...
	local n=$1 i
	shift
	for i in $(seq 1 "$n"); do
		pulse-funnel "$@" --partial --shard "$i/$n" rec.ndjson > "part.$i" 2>/dev/null
	done
	pulse-merge $(seq -f 'part.%g' 1 "$n")
}

for opts in "" "--by manager" "--by source" "--by month" "--by quarter" \
	"--by utm_campaign" "--by manager --stale-days 14" "--stale-days 0" \
	"--by source --from 2025-09-01 --to 2025-11-30 --stale-days 3"; do
	pulse-funnel $opts --as-of $AS_OF rec.ndjson > one 2>/dev/null
	sharded 3 $opts --as-of $AS_OF > three
	cmp one three
	sharded 1 $opts --as-of $AS_OF > single
	cmp one single
	echo "[$opts]: one run = 3 shards merged = 1 shard merged ($(wc -l < one) rows, tables: $(jq -r .table one | uniq | tr '\n' ' '))"
done

echo "-- what the merge derives: shares, days, means, averages (managers), ranks (top_sources)"
sharded 3 --as-of $AS_OF > merged
jq -r 'select(.table == "managers") | [.manager, .leads, .share, .days_with_leads, .mean_per_day,
	.won, .revenue.RUB, .average_check.RUB] | @tsv' merged
jq -r 'select(.table == "top_sources" and .month == "2025-12") | [.rank, .source, .leads, .previous, .change_share] | @tsv' merged

echo "-- the shards' partial rows add up to the partial rows of the whole (jq)"
pulse-funnel --by manager --as-of $AS_OF --partial rec.ndjson > whole.partial
sharded 3 --by manager --as-of $AS_OF > /dev/null
sum='[.[] | select(.table == "managers")] | group_by(.group.manager, .manager)
	| map({m: .[0].manager, leads: (map(.leads) | add), won: (map(.won) | add),
		days: (map(.lead_days) | add | unique), rub: (map(.revenue.RUB // "0" | tonumber * 100 | round) | add)})'
jq -s -c "$sum" part.1 part.2 part.3 > shards.sum
jq -s -c "$sum" whole.partial > whole.sum
cmp shards.sum whole.sum && echo "managers: leads, won, days and revenue of the shards = the whole's ($(jq length whole.sum) managers)"
sum='[.[] | select(.table == "stages")] | group_by(.group.manager, .entity, .category, .stage)
	| map({k: [.[0].group.manager, .[0].entity, .[0].category, .[0].stage],
		reached: (map(.reached) | add), from_previous: (map(.from_previous) | add)})'
jq -s -c "$sum" part.1 part.2 part.3 > shards.sum
jq -s -c "$sum" whole.partial > whole.sum
cmp shards.sum whole.sum && echo "stages: reached and from_previous of the shards = the whole's ($(jq length whole.sum) rows)"
echo "every shard owns some leads: $(for i in 1 2 3; do jq -s '[.[] | select(.table == "managers") | .leads] | add' part.$i; done | tr '\n' ' ')"

echo "-- a merge of merges: --partial of shards 1 and 2, then with shard 3"
pulse-merge --partial part.1 part.2 > p.12
pulse-merge p.12 part.3 > merged
pulse-funnel --by manager --as-of $AS_OF rec.ndjson | cmp - merged && echo "same"
pulse-merge --partial part.1 part.2 part.3 | cmp - whole.partial && echo "the partials merged --partial = the whole's partial"

echo "-- shards that own no cohort write nothing, and change nothing"
jq -c 'select(.kind == "lead" and (.id == "20001" or .id == "20002"))' rec.ndjson > two.ndjson
for i in $(seq 1 8); do
	pulse-funnel --as-of $AS_OF --stale-days 0 --partial --shard $i/8 two.ndjson > "t.$i"
done
echo "empty shards: $(for i in $(seq 1 8); do [ -s t.$i ] || echo $i; done | wc -l) of 8"
pulse-merge t.1 t.2 t.3 t.4 t.5 t.6 t.7 t.8 > merged
pulse-funnel --as-of $AS_OF --stale-days 0 two.ndjson | cmp - merged && echo "8 shards merged = one run ($(wc -l < merged) rows)"
