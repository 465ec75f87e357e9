# --format xlsx: a sheet per table (funnel tables, then records by kind),
# read back with openpyxl (xlsx_check.py) and every cell compared with the
# records: numbers as numbers (integers "0", shares "0.00%", means with
# their decimals), money as numbers in its currency's format, dates and
# times as dates (the language's format), months of funnel tables as dates,
# strings as strings, never a formula; headers in --lang, bold, frozen, an
# autofilter over the table
PY=python3
[ -x /usr/bin/python3 ] && PY=/usr/bin/python3 # Debian's, with python3-openpyxl
CHECK="$PY $ROOT/tests/e2e/render/xlsx_check.py"
F=$ROOT/tests/e2e/render/funnel.ndjson
pulse-render --format xlsx -o en.xlsx "$F"
$CHECK en.xlsx "$F"
pulse-render --format xlsx --lang ru -o ru.xlsx "$F"
$CHECK --lang ru --sheet ru.xlsx "$F" | sed -n '/^Источники/,/^Динамика/p'
echo "--"
printf '%s\n' \
 '{"kind":"lead","id":"1","title":"Bumpers","created":"2024-01-02T12:15:00+03:00","amount":"19999.99","currency":"RUB","qualified":true,"tags":["a","b"]}' \
 '{"kind":"lead","id":"2","title":"=SUM(A1:A9)","created":"2024-01-03 09:00:00","amount":"150","currency":"USD","qualified":false,"note":null}' \
 '{"kind":"deal","id":"7","title":"2024-02-29","closed":"2024-03-01","amount":1200.5,"currency":"EUR","utm":{"source":"avito"}}' \
 '{"kind":"deal","id":"8","title":"@cmd","closed":"2024-03-01T23:59:59.5Z","amount":"-12.5","currency":null}' \
 '{"kind":"metric","name":"payments","day":"2024-03-01","value":12,"mean_7d":10.285714285714286}' \
 '{"user_id":5,"n":-0.125,"big":123456789012345,"e":1e20,"tiny":1.5e-7}' \
 '{"kind":"lead","id":"3","title":"Ёлка ЁЛКА","created":"1899-12-31","amount":"0"}' > mixed.ndjson
pulse-render --format xlsx --lang ru mixed.ndjson > mixed.xlsx
$CHECK --lang ru --sheet mixed.xlsx mixed.ndjson
echo "-- no records: one empty sheet"
pulse-render --format xlsx -o empty.xlsx < /dev/null
$PY -c 'import openpyxl, sys; wb = openpyxl.load_workbook(sys.argv[1]); print(wb.sheetnames, wb.active.max_row, wb.active["A1"].value)' empty.xlsx
echo "-- not to a terminal"
script -qec "pulse-render --format xlsx $F" /dev/null | tr -d '\r' | head -n 1
script -qec "pulse-render --format xlsx $F; echo exit \$?" /dev/null | tr -d '\r' | tail -n 1
echo "-- where it cannot write"
TMPDIR=/nonexistent pulse-render --format xlsx -o t.xlsx "$F" 2>&1 || echo "exit $?"
pulse-render --format xlsx "$F" 2>&1 > /dev/full || echo "exit $?"
