# xlsx of values, a member name, a kind and a currency holding NUL, ESC,
# DEL and C1 controls, U+FFFF (which XML may not hold) and CR LF: a NUL would cut a
# C string short and the rest make a file Excel refuses; now each control
# is U+FFFD as in CSV, CR LF and CR are LF, tab and LF stay, and the text
# _x0041_ (which Excel would show as "A") is escaped; openpyxl reads every
# cell back as the records say (xlsx_check.py)
PY=python3
[ -x /usr/bin/python3 ] && PY=/usr/bin/python3
printf '%s\n' \
 '{"kind":"lead","id":"1","title":"a\u0000b","note":"esc \u001b[31mred\u001b[0m","k\u0000ey":"v"}' \
 '{"kind":"lead","id":"2","title":"del \u007f, nel \u0085, csi \u009b, \uffff","note":"tab\there\r\nline 2\rline 3"}' \
 '{"kind":"lead","id":"3","title":"_x0041_ is not A","note":"_x00e9_ _X0041_ _x12_"}' \
 '{"kind":"le\u0000ad","id":"4","title":"nul in the kind"}' \
 '{"kind":"deal\uffff","id":"5","amount":"12.50","currency":"R\u0000B"}' \
 '{"kind":"deal\uffff","id":"6","amount":"7","currency":"\uffff"}' > in.ndjson
pulse-render --format xlsx -o out.xlsx in.ndjson
$PY "$ROOT/tests/e2e/render/xlsx_check.py" out.xlsx in.ndjson
$PY - out.xlsx <<'PYEOF'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
for ws in wb.worksheets:
    for row in ws.iter_rows():
        print(ws.title, [c.value for c in row])
PYEOF
unzip -p out.xlsx xl/sharedStrings.xml | grep -o '_x[0-9A-Fa-f]\{4\}_[^<]*' | sort -u
