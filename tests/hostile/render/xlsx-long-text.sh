# xlsx of a text longer than Excel's 32767 characters (UTF-16 code units:
# a character beyond U+FFFF counts two): it is cut to them, ending in
# '…', and a warning names the first cell and how many were cut; a text
# of exactly 32767 units is kept whole
PY=python3
[ -x /usr/bin/python3 ] && PY=/usr/bin/python3
$PY - <<'PYEOF' > in.ndjson
import json
print(json.dumps({"kind": "lead", "id": "1", "title": "ж" * 40000}, ensure_ascii=False))
print(json.dumps({"kind": "lead", "id": "2", "title": "a" * 32767}))
print(json.dumps({"kind": "lead", "id": "3", "title": "\U0001F600" * 16384}, ensure_ascii=False))
print(json.dumps({"kind": "lead", "id": "4", "title": "_x0041_" + "b" * 32760}))
PYEOF
pulse-render --format xlsx -o out.xlsx in.ndjson
$PY "$ROOT/tests/e2e/render/xlsx_check.py" out.xlsx in.ndjson
$PY - out.xlsx <<'PYEOF'
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1]).active
for r in range(2, 6):
    v = ws.cell(row=r, column=2).value
    print(ws.cell(row=r, column=1).value, len(v), sum(2 if ord(c) > 0xFFFF else 1 for c in v), repr(v[-2:]))
PYEOF
