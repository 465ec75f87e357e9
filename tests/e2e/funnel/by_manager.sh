# --by manager: a lead counts once, for its current responsible (lead 2 was
# Boris's, then Anna's: Anna's only); deals go by their own manager; no
# share above 1, under any grouping.
D=$ROOT/tests/e2e/funnel
pulse-funnel --as-of 2024-04-10T00:00:00Z --by manager \
	"$D/leads.ndjson" "$D/stages.ndjson" "$D/deals.ndjson" 2>/dev/null >out
jq -c 'select(.table == "stages") | [.group.manager, .entity, .category, .stage,
	.reached, .total, .share, .from_previous, .conversion]' out
jq -c 'select(.table == "managers") | [.group.manager, .manager, .leads, .share]' out
for by in manager source utm_campaign ad_group month quarter; do
	pulse-funnel --by $by "$D/leads.ndjson" "$D/stages.ndjson" "$D/deals.ndjson" 2>/dev/null |
		jq -s --arg by $by -c '[.[] | select(.share != null) | .share] |
			{by: $by, rows: length, max_share: max}'
done
