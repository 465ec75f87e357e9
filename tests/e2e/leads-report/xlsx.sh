# pulse-leads-report writes, beside the page, the funnel tables of the
# whole period as an Excel workbook, leads.xlsx (the page's download
# offers it): every cell read back with openpyxl equals the funnel records
# of the whole period; --xlsx FILE names it, --no-xlsx leaves it out;
# --csv-dialect excel-ru makes the CSV files for a Russian Excel
PY=python3
[ -x /usr/bin/python3 ] && PY=/usr/bin/python3 # Debian's, with python3-openpyxl
D=$ROOT/tests/e2e/leads-report/data
IN="$D/leads.json $D/deals.json $D/history.json"
mkdir out
pulse-leads-report --users "$D/users.csv" --map "$D/ads.csv" --alias "$D/alias.csv" \
	--as-of 2024-04-01T00:00:00+03:00 --lang ru --keep kept -o out/dash.html $IN
ls out
jq -c 'select(.group == {})' kept/funnel.ndjson > whole.ndjson
$PY "$ROOT/tests/e2e/render/xlsx_check.py" --lang ru out/leads.xlsx whole.ndjson
pulse-leads-report --xlsx book.xlsx --stale-days off $IN > page.html
ls book.xlsx
mkdir none
pulse-leads-report --no-xlsx -o none/dash.html $IN
ls none
pulse-leads-report --no-xlsx --csv-dialect excel-ru --lang ru --csv tables -o none/dash.html $IN
tail -c +4 tables/sources.csv | tr '\r' '^'
pulse-leads-report --csv-dialect excel $IN 2>&1 >/dev/null | head -n 1 || true
