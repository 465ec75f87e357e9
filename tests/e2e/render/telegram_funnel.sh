# pulse-render --format telegram on funnel records alone: the leads funnel's
# digest (whole period, last two months, first sources added up over their
# campaigns, the stale count) in English and Russian; a source's name is
# escaped; the rows of a grouping are not the whole period's; partial rows
# are refused
S=$SAMPLES
pulse-extract bitrix --statuses "$S/bitrix-statuses.json" "$S/bitrix-small-leads.json" \
	"$S/bitrix-small-deals.json" "$S/bitrix-small-history.json" 2>/dev/null |
	pulse-utm >records.ndjson
pulse-funnel --stale-days 14 --as-of 2026-01-21T18:00:00+03:00 records.ndjson >whole.ndjson
pulse-funnel --by source --as-of 2026-01-21T18:00:00+03:00 records.ndjson >by.ndjson
pulse-render -f telegram --chat-id @sales_head --lang en whole.ndjson by.ndjson | tee en.ndjson | jq -r .text
jq -c 'del(.text)' en.ndjson
pulse-render -f telegram --chat-id -100123 --lang ru --title 'Лиды <за> неделю & всё' whole.ndjson | jq -r .text
echo "-- a source named with markup"
jq -c 'if .table == "sources" and .source == "yandex" then .source = "<b>x</b> & y" else . end' whole.ndjson |
	pulse-render -f telegram --chat-id 1 | jq -r .text | grep 'x</b>\|&lt;'
echo "-- partial rows"
set +e
pulse-funnel --partial records.ndjson | pulse-render -f telegram --chat-id 1 2>&1 >/dev/null | head -n 1
echo "exit ${PIPESTATUS[1]}"
