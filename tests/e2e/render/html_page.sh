# --format html: one page that names no address but the SVG namespace and
# loads nothing (no link, img, src, @import, url()); the title escaped where
# C writes it; the records come back out of the data block unchanged, with
# no '<' left in it, so '</script>' in a title cannot end the block
F=$ROOT/tests/e2e/render/funnel.ndjson
pulse-render --format html --as-of 2024-04-02 --title 'Leads <b>&</b> "deals"' "$F" > page.html
grep -o '<title>.*</title>' page.html
grep -o '<h1>.*</h1>' page.html
grep -o '<p class="meta"[^<]*' page.html
grep -o 'Content-Security-Policy" content="[^"]*' page.html
grep -o "https\?://[^\"' )]*" page.html | sort | uniq -c
grep -cE '<(link|img|iframe|object|embed)|[ "]src=|@import|[^A-Za-z]url\(' page.html || true
grep -c '<script' page.html
grep -o '<section id="[^"]*">' page.html
sed -n '/^<script type="application\/json" id="pulse-data">$/,/^<\/script>$/p' page.html | sed '1d;$d' > data.json
jq -c '.records[]' data.json > back.ndjson
jq -c . "$F" | cmp - back.ndjson && echo "records round-trip: $(wc -l < back.ndjson)"
jq -r '.lang, .title, .as_of, (.words | length)' data.json
echo "'<' in the data block: $(grep -c '<' data.json || true)"
grep -o '"title":"\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"' data.json | sort -u
