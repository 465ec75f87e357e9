# counts and sums merge: the funnel of two shards split by lead (each
# lead's deals and stage history with it) adds up to the funnel of the
# whole.  Rules (schemas/funnel.schema.json): rows add up by their identity
# members, a row a shard lacks counts as zero; a stages row's total is its
# pipeline's, taken from the "(no stage)" row each shard writes for each
# pipeline; from_previous adds up when the shards share the stage order
# (--stages)
D=$ROOT/tests/e2e/funnel
ORDER=NEW,IN_PROCESS,CONVERTED,JUNK,PREPARATION,WON,LOSE,C1:NEW
cat "$D/leads.ndjson" "$D/deals.ndjson" "$D/stages.ndjson" > all.ndjson
# the shard of a record: its lead's id (deals by lead_id, else their own)
jq -s -c '(map(select(.kind == "deal")) | map({key: .id, value: (.lead_id // .id)}) | from_entries) as $lead
	| .[] | select(.kind != "ticket")
	| (if .kind == "lead" then .id elif .kind == "deal" then $lead[.id]
	   elif .entity == "lead" then .id else ($lead[.id] // .id) end | tonumber % 2) as $s
	| {s: $s, r: .}' all.ndjson > tagged.ndjson
jq -c 'select(.s == 0) | .r' tagged.ndjson > shard0.ndjson
jq -c 'select(.s == 1) | .r' tagged.ndjson > shard1.ndjson
echo "shards: $(wc -l < shard0.ndjson) + $(wc -l < shard1.ndjson) records"
rows='select(.table != "top_sources")
	| [.table, .group, .entity, .category, .stage, .lost_stage, .loss_reason,
	   .source, .utm_campaign, .period, .manager, .month] as $k
	| ({k: $k, v: ({reached, from_previous, count, leads, qualified, won, open, days_sum,
		revenue: ((.revenue // {}) | map_values(tonumber * 100 | round))}
		| with_entries(select(.value != null)))} | select(.v.reached != 0)),
	  (select(.table == "stages" and .stage == "(no stage)")
		| {k: ["pipeline total", .group, .entity, .category], v: {total}})'
for f in all shard0 shard1; do
	pulse-funnel --as-of 2024-04-10T00:00:00Z --by quarter --stages $ORDER $f.ndjson 2>/dev/null |
		jq -c "$rows" > $f.rows
done
jq -s -c -S 'group_by(.k)[] | {k: .[0].k, v: (reduce .[].v as $v ({};
	reduce ($v | to_entries[]) as $e (.;
		if ($e.value | type) == "object" then
			.[$e.key] = (reduce ($e.value | to_entries[]) as $m (.[$e.key] // {}; .[$m.key] += $m.value))
		else .[$e.key] += $e.value end)))}' shard0.rows shard1.rows | sort > merged
jq -s -c -S 'group_by(.k)[] | .[0]' all.rows | sort > whole
cmp merged whole && echo "merged shards = whole: $(wc -l < whole) rows"
