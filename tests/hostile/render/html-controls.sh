# the dashboard: a --title with control characters went into <title> and
# <h1> as raw bytes, and a raw DEL or C1 character of a record (JSON lets
# them through) into the data block; now the frame shows spaces and the
# data block \u escapes, so the page holds no control byte and the record
# reads back the same
printf '{"kind":"funnel","table":"stale","group":{},"entity":"lead","id":"1","title":"del \177 nel \302\205 nul \\u0000 end","manager":"(none)","source":"avito","stage":"NEW","since":"2024-01-02T10:00:00+03:00","days":30,"created":"2024-01-02T10:00:00+03:00"}\n' > in.ndjson
pulse-render --format html --title "$(printf 'Leads\001\033[31m red')" in.ndjson > page.html
grep -o '<title>.*</title>' page.html
grep -o '"title":"del[^"]*"' page.html
echo "control bytes: $(LC_ALL=C tr -d '\n\t' < page.html | LC_ALL=C grep -c "$(printf '[\001-\037\177]\|\302[\200-\237]')" || true)"
jq -c . in.ndjson > want.ndjson
sed -n '/^<script type="application\/json" id="pulse-data">$/,/^<\/script>$/p' page.html | sed '1d;$d' | jq -c '.records[0]' | cmp - want.ndjson && echo "record round-trips"
