# pulse-utm --map and --alias: as Excel saves them (a byte order mark, CRLF,
# semicolons) they are read; an empty file, a header only of the wrong
# columns, or a JSON file given by mistake is exit 65 naming the file
echo '{"kind":"lead","id":"1","utm_content":"ad-1","utm_source":"YANDEX"}' >in.ndjson
printf '\xef\xbb\xbfutm_content;utm_campaign\r\nad-1;summer\r\n' >ads.csv
printf '\xef\xbb\xbfalias;canonical\r\nYANDEX;yandex\r\n' >aliases.csv
pulse-utm --map ads.csv --alias aliases.csv in.ndjson
: >empty.csv
pulse-utm --map empty.csv in.ndjson || echo "exit $?"
pulse-utm --alias empty.csv in.ndjson || echo "exit $?"
printf 'ad,campaign\n' >wrong.csv
pulse-utm --map wrong.csv in.ndjson || echo "exit $?"
echo '{"metrics":[]}' >defs.json
pulse-utm --alias defs.json in.ndjson || echo "exit $?"
