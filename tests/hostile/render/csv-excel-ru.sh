# a CSV for a Russian Excel: the comma CSV with decimal points showed one
# column there; now with --csv-dialect excel-ru a ';' inside a value is
# quoted, a value Excel would run as a formula (= + - @ tab CR first) is
# quoted and prefixed with an apostrophe (OWASP CSV injection), NUL and
# other control characters become U+FFFD, a '"' is doubled, CR LF inside
# a value stays quoted, and numbers (not text that looks like one) get a
# decimal comma
printf '%s\n' \
 '{"kind":"lead","id":"1","title":"a;b","note":"=cmd|\u0027/c calc\u0027!A0","n":1.25}' \
 '{"kind":"lead","id":"2","title":"nul\u0000esc\u001b;","note":"+1;-1","n":-0.5}' \
 '{"kind":"lead","id":"3","title":"q\"uote\r\nline 2","note":"@x;y","n":"1.25"}' \
 '{"kind":"lead","id":"4","title":"\rcr","note":"-","n":1e400}' > in.ndjson
pulse-render --format csv --csv-dialect excel-ru in.ndjson | tail -c +4 | tr '\r' '^'
