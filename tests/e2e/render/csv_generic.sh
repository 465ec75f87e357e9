# --format csv of any records: columns in order of first appearance, CRLF,
# quotes doubled, fields with , " CR LF quoted, nested values as JSON, null
# empty; cells that a spreadsheet would run as a formula (= + - @ tab CR
# first) get a leading apostrophe unless they are plain numbers; --bom
printf '%s\n' \
 '{"kind":"lead","id":"1","title":"=HYPERLINK(\"http://x\",\"y\")","amount":"-19.99","n":-5,"tags":["a","b"],"ok":true}' \
 '{"kind":"lead","id":"2","title":"Bumper, \"Sport\"\r\nline 2","phone":"+7 900 000-00-00","note":"@SUM(A1)","x":null,"ok":false}' \
 '{"kind":"deal","id":"3","title":"\tTab","amount":"1e5","note":"-2+3+cmd|x!A0","utm":{"source":"avito"}}' \
 '{"kind":"deal","id":"4","title":"","amount":"--1","note":"Ünïcödé, ok","n":1.5e-3}' > in.ndjson
pulse-render --format csv in.ndjson > out.csv
od -c out.csv | sed -n 1,3p
tr '\r' '^' < out.csv
pulse-render --format csv --bom in.ndjson | head -c 3 | od -An -tx1
pulse-render --format csv < /dev/null | wc -c
pulse-render --format csv --table stages in.ndjson | wc -c
