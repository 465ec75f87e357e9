# --format svg draws one bar chart per metric from metric records: a bar
# per day (the report's last day solid, the others lighter), the mean of
# the 7 days before dashed, day labels thinned so they do not overlap;
# valid SVG 1.1 that rsvg-convert turns into a PNG of the declared size.
# sales-metrics.ndjson: the seed's three metrics over 28 days, with titles
M=$ROOT/tests/e2e/render/sales-metrics.ndjson
C=$ROOT/tests/tools/svg_check.py
pulse-render -f svg --lang ru "$M" > m.svg
xmllint --noout m.svg && echo "xmllint: ok"
python3 "$C" valid m.svg
rsvg-convert m.svg -o m.png
python3 "$C" pngsize m.png
sed -n 's/^<svg .* width="\([0-9]*\)" height="\([0-9]*\)".*/declared: \1x\2/p' m.svg
grep -o 'class="\(title\|subtitle\|panel\)"[^>]*>[^<]*' m.svg | sed 's/.*>//'
echo "bars: $(grep -c '^<rect .*<title>' m.svg), solid: $(grep '^<rect .*<title>' m.svg | grep -vc fill-opacity)"
grep '^<rect .*<title>' m.svg | grep -v fill-opacity | grep -o '<title>[^<]*'
echo "dashed means: $(grep -c 'class="mean"' m.svg), points: $(grep -o 'class="mean"[^/]*' m.svg | grep -o ',' | wc -l)"
python3 "$C" labels m.svg xlabel
python3 "$C" labels m.svg value
echo "-- 120 days: fewer day labels, still no overlap, no value labels"
for d in $(seq 0 119); do
	printf '{"kind":"metric","name":"m","day":"%s","value":%d,"prev_day":null,"week_ago":null,"mean_7d":null}\n' \
		"$(date -u -d "2025-01-01 +$d days" +%F)" $((d % 13))
done > long.ndjson
pulse-render -f svg long.ndjson > long.svg
python3 "$C" valid long.svg
python3 "$C" labels long.svg xlabel
echo "value labels: $(grep -c 'class="value"' long.svg || true)"
grep 'class="xlabel"' long.svg | sed 's/.*>\([^<]*\)<\/text>/\1/' | sed -n '1p;$p'
echo "-- a day with no record is a gap; a metric that starts later spans the same days"
printf '%s\n' \
	'{"kind":"metric","name":"a","day":"2025-03-01","value":1}' \
	'{"kind":"metric","name":"a","day":"2025-03-03","value":3}' \
	'{"kind":"metric","name":"b","day":"2025-03-02","value":2}' |
	pulse-render -f svg | grep -o '<rect [^>]*><title>[^<]*' | sed 's/.*<title>//'
