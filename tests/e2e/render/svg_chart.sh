# which chart: the kind in the input; several kinds need --chart (exit 64);
# --chart picks one and ignores the others (counted on stderr); no records
# at all: a small SVG that says so; only records of other kinds (count
# records of pulse-tally are not charts): nothing to draw, exit 65
D=$ROOT/tests/e2e/render
C=$ROOT/tests/tools/svg_check.py
set +e
echo '# mixed' >&2
cat "$D/sales-links.ndjson" "$D/sales-metrics.ndjson" | pulse-render -f svg -o out.svg
echo "mixed: exit $?"
set -e
test ! -e out.svg && echo "no output file"
cat "$D/sales-links.ndjson" "$D/sales-metrics.ndjson" "$D/sales-hist.ndjson" > all.ndjson
for c in sankey metrics histogram; do
	echo "# --chart $c" >&2
	pulse-render -f svg --chart $c all.ndjson > $c.svg
	python3 "$C" valid $c.svg
	echo "$c: $(grep -o 'class="title"[^>]*>[^<]*' $c.svg | sed 's/.*>//')"
done
echo "-- nothing to draw"
echo '# no records' >&2
pulse-render -f svg < /dev/null > none.svg
python3 "$C" valid none.svg
grep -o 'class="label"[^>]*>[^<]*' none.svg | sed 's/.*>//'
set +e
echo '# --chart sankey, metric records' >&2
pulse-render -f svg --chart sankey --lang ru -o none.svg "$D/sales-metrics.ndjson"
echo "exit $?"
test ! -e none.svg && echo "no output file"
echo '# a count record' >&2
echo '{"kind":"count","by":["a"],"key":["x"],"count":3}' | pulse-render -f svg
echo "exit $?"
set -e
echo "-- a bad --chart"
set +e
echo '# --chart pie' >&2
pulse-render -f svg --chart pie < /dev/null
echo "exit $?"
