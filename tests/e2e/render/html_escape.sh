# text that looks like markup stays text: a title of '</script><!--', a
# reason with '<img onerror>' and '&amp;' are escaped as \u003c \u003e
# \u0026 in the data block; the page still parses (the data block ends where
# it should) and the records come back equal
s() { printf '{"kind":"funnel","table":"stale","group":{},"entity":"lead","id":"%s","title":%s,"manager":%s,"source":"avito","stage":"NEW","since":"2024-01-02T10:00:00+03:00","days":30,"created":"2024-01-02T10:00:00+03:00"}\n' "$@"; }
{
s 1 '"</script><script>alert(1)</script>"' '"Anna"'
s 2 '"<!-- <script> x"' '"<img src=x onerror=alert(2)>"'
s 3 '"a &amp; b \u2028 c"' '"(none)"'
} > in.ndjson
pulse-render --format html --title '</title><script>alert(3)</script>' in.ndjson > page.html
grep -o '<title>.*</title>' page.html
grep -c '<script' page.html
grep -c '</script>' page.html
sed -n '/^<script type="application\/json" id="pulse-data">$/,/^<\/script>$/p' page.html | sed '1d;$d' > data.json
jq -c . in.ndjson > want.ndjson
jq -c '.records[]' data.json | cmp - want.ndjson && echo "records round-trip"
jq -r '.records[].title' data.json
