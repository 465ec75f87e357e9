# Names, not codes, in the exports, as on the dashboard: the workbook
# (re-read with openpyxl) and the CSV files of pulse-leads-report show the
# portal's stage, pipeline and source names, each code in the column after
# its name; every such cell checked against the name records.  Then by
# hand: a lead's and a deal's stage of the same code, a CRM source's name
# with its code, an unnamed code, the excel-ru headers, the telegram
# digest's sources by name (and "(none)" in the report's language), and
# name records alone.
PY=python3
[ -x /usr/bin/python3 ] && PY=/usr/bin/python3 # Debian's, with python3-openpyxl
S=$SAMPLES
pulse-leads-report --statuses "$S/bitrix-statuses.json" --as-of 2026-01-21T18:00:00+03:00 \
	--keep kept --csv csv --xlsx book.xlsx -o dash.html "$S/bitrix-small-leads.json" \
	"$S/bitrix-small-deals.json" "$S/bitrix-small-history.json" "$S/bitrix-small-deal-history.json"
$PY "$ROOT/tests/e2e/render/names_exports.py" kept/names.ndjson book.xlsx csv/stages.csv
head -n 3 csv/stale.csv | cut -d, -f1,5-8

echo "-- by hand"
{
	echo '{"kind":"name","of":"stage","entity":"lead","category":null,"code":"NEW","name":"Новый лид"}'
	echo '{"kind":"name","of":"stage","entity":"deal","category":"0","code":"NEW","name":"Новая сделка"}'
	echo '{"kind":"name","of":"source","entity":null,"category":null,"code":"CALL","name":"Звонок"}'
	echo '{"kind":"name","of":"category","entity":"deal","category":null,"code":"0","name":"Общая"}'
} >names.ndjson
{
	echo '{"kind":"funnel","table":"stale","group":{},"entity":"lead","id":"1","title":"a","manager":"M","source":"CALL","stage":"NEW","since":"2026-01-01","days":20,"created":"2026-01-01"}'
	echo '{"kind":"funnel","table":"stale","group":{},"entity":"deal","id":"2","title":"b","manager":"M","source":"Звонок","stage":"NEW","since":"2026-01-01","days":20,"created":"2026-01-01"}'
	echo '{"kind":"funnel","table":"stale","group":{},"entity":"deal","id":"3","title":"c","manager":"M","source":"avito","stage":"UC_X","since":"2026-01-01","days":20,"created":"2026-01-01"}'
	echo '{"kind":"funnel","table":"sources","group":{},"source":"CALL","utm_campaign":"(none)","leads":5,"qualified":1,"won":1,"revenue":{},"revenue_per_lead":{}}'
	echo '{"kind":"funnel","table":"sources","group":{},"source":"(none)","utm_campaign":"(none)","leads":3,"qualified":0,"won":0,"revenue":{},"revenue_per_lead":{}}'
	echo '{"kind":"funnel","table":"age","group":{},"entity":"deal","category":"0","stage":"NEW","open":1,"days_sum":3,"days_max":3,"days_mean":3}'
} >f.ndjson
pulse-render --format csv --table stale names.ndjson f.ndjson | tr -d '\r'
pulse-render --format csv --table age names.ndjson f.ndjson | tr -d '\r'
echo "-- without name records: as before"
pulse-render --format csv --table stale f.ndjson | tr -d '\r' | head -n 2
echo "-- excel-ru headers"
pulse-render --format csv --csv-dialect excel-ru --lang ru --table stale names.ndjson f.ndjson | head -n 1 | tr -d "\r"
echo "-- telegram"
pulse-render -f telegram --chat-id 1 --lang ru names.ndjson f.ndjson | jq -r .text | sed -n '/источники/,/^$/p'
echo "-- name records alone"
pulse-render --format csv names.ndjson 2>&1 || echo "exit $?"
