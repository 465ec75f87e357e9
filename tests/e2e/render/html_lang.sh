# --lang ru: the page's language, headings and words in Russian; without
# input the page is whole, with an empty record list (the script says so)
pulse-render --format html --lang ru "$ROOT/tests/e2e/render/funnel.ndjson" > ru.html
grep -o '<html lang="[a-z]*">' ru.html
grep -o '<title>.*</title>' ru.html
grep -o '<h2>[^<]*</h2>' ru.html
grep -o '<p class="meta"[^<]*' ru.html
pulse-render --format html < /dev/null > empty.html
grep -o '<html lang="[a-z]*">' empty.html
grep -c '<section' empty.html
sed -n '/^<script type="application\/json" id="pulse-data">$/,/^<\/script>$/p' empty.html | sed '1d;$d' | jq -c '[.lang, .as_of, .records]'
tail -n 2 empty.html
# --as-of shows in the offset it was given in, a date alone at midnight
for t in 2024-04-01T00:00:00+03:00 2024-04-01T18:30:00+03:00; do
	pulse-render --format html --as-of "$t" < /dev/null | grep -o '<p class="meta"[^<]*'
done
