# Name records in the CSV and xlsx exports: a name with a comma, quotes, a
# newline, a C1 control or what Excel would take for a formula stays one
# cell (quoted in CSV; text, never a formula, in xlsx); a name record that
# is not one (unknown 'of', an empty name, a stage without its entity) is
# a bad record naming the field, never a silent label; the first name of
# a code wins.
PY=python3
[ -x /usr/bin/python3 ] && PY=/usr/bin/python3 # Debian's, with python3-openpyxl
{
	echo '{"kind":"name","of":"stage","entity":"lead","category":null,"code":"NEW","name":"=HYPERLINK(\"x\"), \"neu\"\nzwei \u0085"}'
	echo '{"kind":"name","of":"stage","entity":"lead","category":null,"code":"NEW","name":"second"}'
	echo '{"kind":"name","of":"colour","entity":null,"category":null,"code":"X","name":"x"}'
	echo '{"kind":"name","of":"source","entity":null,"category":null,"code":"CALL","name":""}'
	echo '{"kind":"name","of":"stage","entity":null,"category":null,"code":"NEW","name":"New"}'
	echo '{"kind":"funnel","table":"stale","group":{},"entity":"lead","id":"1","title":"a","manager":"M","source":"CALL","stage":"NEW","since":"2026-01-01","days":20,"created":"2026-01-01"}'
} >in.ndjson
pulse-render --format csv --on-error=skip in.ndjson 2>err | tr '\r' '^'
cat err
pulse-render --format xlsx --on-error=skip -o b.xlsx in.ndjson 2>/dev/null
$PY -c 'import openpyxl, sys
ws = openpyxl.load_workbook(sys.argv[1]).active
c = ws.cell(row=2, column=7)
print(ws.title, repr(c.value), c.data_type, ws.cell(row=2, column=8).value)' b.xlsx
