# which chart: the kind in the input; several kinds need --chart (exit 64);
# --chart picks one and ignores the others (counted on stderr); no records
# at all: a small SVG that says so; only records of other kinds (count
# records of pulse-tally are not charts): nothing to draw, exit 65
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
	pulse-render -f svg --chart $c all.ndjson > $c.svg 2> err
	python3 "$C" valid $c.svg
	echo "$c: $(grep -o 'class="title"[^>]*>[^<]*' $c.svg | sed 's/.*>//')"
	cat err
done
echo "-- nothing to draw"
pulse-render -f svg < /dev/null > none.svg
python3 "$C" valid none.svg
grep -o 'class="label"[^>]*>[^<]*' none.svg | sed 's/.*>//'
set +e
pulse-render -f svg --chart sankey --lang ru -o none.svg "$D/sales-metrics.ndjson" 2>&1
echo "exit $?"
test ! -e none.svg && echo "no output file"
echo '{"kind":"count","by":["a"],"key":["x"],"count":3}' | pulse-render -f svg 2>&1
echo "exit $?"
set -e
echo "-- a bad --chart"
set +e
pulse-render -f svg --chart pie < /dev/null 2>&1
echo "exit $?"
