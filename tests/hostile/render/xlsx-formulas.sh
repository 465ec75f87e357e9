# xlsx of strings a spreadsheet would run as formulas (= + - @ first, DDE,
# HYPERLINK) in cells, headers and sheet names: each is a string cell,
# never a formula (openpyxl reads type 's', the sheet XML has no <f>), no
# apostrophe added (xlsx has types, CSV has not); sheet names lose
# []:*?/\, are cut to 31 characters and made unique ignoring case, and
# the name Excel keeps for itself (History) is not used
PY=python3
[ -x /usr/bin/python3 ] && PY=/usr/bin/python3
printf '%s\n' \
 '{"kind":"lead","id":"1","title":"=HYPERLINK(\"http://x\",\"y\")","note":"+1+1","=cmd":"-2+3+cmd|'"'"'/C calc'"'"'!A0"}' \
 '{"kind":"lead","id":"2","title":"@SUM(A1:A9)","note":"=1+1","amount":"=1+1","currency":"RUB"}' \
 '{"kind":"a/b:c*?[x]\\y","v":1}' \
 '{"kind":"a kind with a name longer than Excel allows, by far","v":2}' \
 '{"kind":"a kind with a name longer than Excel allows, by far too","v":3}' \
 '{"kind":"LEADS","v":4}' \
 '{"kind":"History","v":5}' \
 '{"kind":"'"'"'quoted'"'"'","v":6}' > in.ndjson
pulse-render --format xlsx -o out.xlsx in.ndjson
$PY "$ROOT/tests/e2e/render/xlsx_check.py" out.xlsx in.ndjson
unzip -l out.xlsx | grep -c 'xl/worksheets/sheet' || true
echo "formulas in the sheets: $(unzip -p out.xlsx 'xl/worksheets/*.xml' | grep -c '<f>' || true)"
