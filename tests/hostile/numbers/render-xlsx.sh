# xlsx of numbers Excel cannot keep: an integer or an amount of money with
# more than the 15 significant digits Excel keeps (2^53 + 1, a 20-digit
# id, 12345678901234567.89 RUB), 1e400 and 1e-400 (beyond its range) were
# rounded silently in a number cell; now each is a text cell holding the
# number as written, and a warning counts them and names the first; 15
# digits, 1e20 and a 17-digit fraction stay numbers
PY=python3
[ -x /usr/bin/python3 ] && PY=/usr/bin/python3
printf '%s\n' \
 '{"kind":"lead","id":"1","n":9007199254740993,"amount":"12345678901234567.89","currency":"RUB"}' \
 '{"kind":"lead","id":"2","n":12345678901234567890,"amount":"999999999999999","currency":"RUB"}' \
 '{"kind":"lead","id":"3","n":1e400,"amount":1e-400,"x":-1e-400}' \
 '{"kind":"lead","id":"4","n":999999999999999,"amount":"1234567890123.45","x":1e20}' \
 '{"kind":"lead","id":"5","n":0.30000000000000004,"amount":"0.1","x":-0.0}' > in.ndjson
pulse-render --format xlsx -o out.xlsx in.ndjson
$PY "$ROOT/tests/e2e/render/xlsx_check.py" --sheet out.xlsx in.ndjson
