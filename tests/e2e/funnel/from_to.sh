# --from/--to take the records created in the period, by their local date:
# lead 3 (2024-01-31 23:30 +03:00) is out, lead 4 (2024-02-01 00:10 +03:00)
# is in; deals 10, 11 and 14 follow their leads out, deals 12 and 13 are in.
D=$ROOT/tests/e2e/funnel
pulse-funnel --from 2024-02-01 --to 2024-02-29 --as-of 2024-04-10T00:00:00Z \
	"$D/leads.ndjson" "$D/stages.ndjson" "$D/deals.ndjson" 2>/dev/null |
	jq -c 'select(.table == "stages" or .table == "dynamics" or .table == "managers")
		| del(.kind, .group)'
echo "--- one day"
pulse-funnel --from 2024-01-31 --to 2024-01-31 \
	"$D/leads.ndjson" "$D/stages.ndjson" "$D/deals.ndjson" 2>/dev/null |
	jq -c 'select(.table == "sources") | [.source, .utm_campaign, .leads]'
