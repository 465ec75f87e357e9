# --csv-dialect excel-ru: what a Russian Excel opens as columns: a UTF-8
# byte order mark, ';' between fields, CRLF, a decimal comma in numbers
# and money (shares rounded as in the default dialect), headers in the
# report's language; a field holding ';' quoted, a cell that a spreadsheet
# would run as a formula quoted and prefixed with an apostrophe (OWASP);
# the default dialect is unchanged
F=$ROOT/tests/e2e/render/funnel.ndjson
pulse-render --format csv --csv-dialect excel-ru --lang ru --table sources "$F" > ru.csv
head -c 3 ru.csv | od -An -tx1
tail -c +4 ru.csv | head -n 4 | tr '\r' '^'
echo "CRLF lines: $(grep -c $'\r$' ru.csv) of $(wc -l < ru.csv)"
pulse-render --format csv --csv-dialect excel-ru --table managers "$F" | tail -c +4 | head -n 3 | tr '\r' '^'
pulse-render --format csv --csv-dialect excel-ru --lang ru --table top_sources "$F" | tail -c +4 | head -n 3 | tr '\r' '^'
printf '%s\n' \
 '{"kind":"lead","id":"1","title":"=HYPERLINK(\"http://x\",\"y\")","amount":"-19.99","currency":"RUB","n":-5,"x":1.5e-3}' \
 '{"kind":"lead","id":"2","title":"a;b, c","phone":"+7 900 000-00-00","note":"@SUM(A1)","amount":"1000","n":2.25}' \
 '{"kind":"lead","id":"3","title":"\tTab","note":"-2+3+cmd|x!A0","amount":null,"n":"-0.5","tags":["a;b",1.5]}' > in.ndjson
pulse-render --format csv --csv-dialect excel-ru --lang ru in.ndjson | tail -c +4 | tr '\r' '^'
echo "-- rfc4180, as before"
pulse-render --format csv --csv-dialect rfc4180 in.ndjson | tr '\r' '^'
pulse-render --format csv in.ndjson | cmp - <(pulse-render --format csv --csv-dialect rfc4180 in.ndjson) && echo "default = rfc4180"
pulse-render --format csv --csv-dialect excel in.ndjson 2>&1 >/dev/null | head -n 1
