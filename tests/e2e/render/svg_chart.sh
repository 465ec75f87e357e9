# which chart: the kind in the input; several kinds need --chart (exit 64);
# --chart picks one and ignores the others; no records of the kind: a
# small SVG that says so; count records (pulse-tally) are not charts
D=$ROOT/tests/e2e/render
C=$ROOT/tests/tools/svg_check.py
set +e
cat "$D/sales-links.ndjson" "$D/sales-metrics.ndjson" | pulse-render -f svg -o out.svg 2> err
echo "mixed: exit $?"
set -e
cat err
test ! -e out.svg && echo "no output file"
cat "$D/sales-links.ndjson" "$D/sales-metrics.ndjson" "$D/sales-hist.ndjson" > all.ndjson
for c in sankey metrics histogram; do
	pulse-render -f svg --chart $c all.ndjson > $c.svg
	python3 "$C" valid $c.svg
	echo "$c: $(grep -o 'class="title"[^>]*>[^<]*' $c.svg | sed 's/.*>//')"
done
echo "-- nothing to draw"
pulse-render -f svg < /dev/null > none.svg
python3 "$C" valid none.svg
grep -o 'class="label"[^>]*>[^<]*' none.svg | sed 's/.*>//'
pulse-render -f svg --chart sankey --lang ru "$D/sales-metrics.ndjson" | grep -o 'class="\(title\|label\)"[^>]*>[^<]*' | sed 's/.*>//'
echo '{"kind":"count","by":["a"],"key":["x"],"count":3}' | pulse-render -f svg | grep -o 'class="label"[^>]*>[^<]*' | sed 's/.*>//'
echo "-- a bad --chart"
set +e
pulse-render -f svg --chart pie < /dev/null 2>&1
echo "exit $?"
