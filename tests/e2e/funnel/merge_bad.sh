# pulse-merge takes only partial funnel rows, whole: a final row, a row
# that puts a stage elsewhere in the order than the rows before it (shards
# of different inputs or --stages), a malformed member is a bad record;
# with --on-error=skip each is reported and leaves no trace.
D=$ROOT/tests/e2e/funnel
IN="$D/leads.ndjson $D/stages.ndjson $D/deals.ndjson"
pulse-funnel --as-of 2024-04-10T00:00:00Z --stale-days 0 --partial $IN 2>/dev/null > good.ndjson
pulse-funnel --as-of 2024-04-10T00:00:00Z --stale-days 0 $IN 2>/dev/null > final.ndjson
G='"kind":"funnel","group":{},"partial":true'
{
	head -n 1 final.ndjson
	echo "{$G,\"table\":\"stages\",\"entity\":\"lead\",\"category\":null,\"stage\":\"NEW\",\"semantic\":\"P\",\"position\":3,\"reached\":1,\"total\":1,\"from_previous\":null}"
	echo "{$G,\"table\":\"stages\",\"entity\":\"lead\",\"category\":null,\"stage\":\"ELSE\",\"semantic\":\"P\",\"position\":1,\"reached\":1,\"total\":1,\"from_previous\":null}"
	echo "{$G,\"table\":\"stages\",\"entity\":\"lead\",\"category\":null,\"stage\":\"NEW\",\"semantic\":\"P\",\"position\":1,\"reached\":1,\"total\":1,\"from_previous\":null,\"share\":1}"
	echo "{$G,\"table\":\"sources\",\"source\":\"x\",\"utm_campaign\":\"y\",\"leads\":1,\"qualified\":0,\"won\":1,\"revenue\":{\"RUB\":1.5}}"
	echo "{$G,\"table\":\"sources\",\"source\":\"x\",\"utm_campaign\":\"y\",\"leads\":1,\"qualified\":0,\"won\":1,\"revenue\":{\"RUB\":\"0.0000000001\"}}"
	echo "{$G,\"table\":\"managers\",\"manager\":\"Anna\",\"leads\":1,\"lead_days\":[\"2024-13-01\"],\"won\":0,\"revenue\":{},\"won_with_amount\":{}}"
	echo "{$G,\"table\":\"managers\",\"manager\":\"Anna\",\"leads\":0,\"lead_days\":[],\"won\":1,\"revenue\":{\"RUB\":\"5\"},\"won_with_amount\":{}}"
	echo "{$G,\"table\":\"dynamics\",\"period\":\"2024-01\",\"period_type\":\"quarter\",\"leads\":1,\"qualified\":0,\"won\":0,\"revenue\":{}}"
	echo "{$G,\"table\":\"age\",\"entity\":\"lead\",\"category\":null,\"stage\":\"NEW\",\"position\":null,\"open\":1,\"days_sum\":1,\"days_max\":1}"
	echo "{\"kind\":\"funnel\",\"group\":{\"manager\":1},\"partial\":true,\"table\":\"top_sources\",\"month\":\"2024-01\",\"source\":\"x\",\"leads\":1}"
	echo "{$G,\"table\":\"funnels\"}"
} > bad.ndjson
set +e
pulse-merge good.ndjson bad.ndjson > out 2> err
echo "fail: exit $? ($(wc -c < out) bytes out)"
head -n 1 err
pulse-merge --on-error=skip good.ndjson bad.ndjson > out 2> err
echo "skip: exit $?"
set -e
cat err
cmp out final.ndjson && echo "the good rows merged = pulse-funnel's final rows"
echo "-- counts that add up past 2^63-1: nothing written, exit 65"
max='{"kind":"funnel","group":{},"partial":true,"table":"top_sources","month":"2024-01","source":"x","leads":9223372036854775807,"first_month":"2024-01"}'
set +e
printf '%s\n%s\n' "$max" "$max" | pulse-merge > out 2> err
echo "exit $? ($(wc -c < out) bytes out)"
set -e
cat err
