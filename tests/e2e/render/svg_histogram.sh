# --format svg draws one bar chart per histogram record: a bar per bucket,
# the edges under the bucket boundaries, p50 and p90 as dashed lines at
# their place inside their bucket (pulse-metrics --durations gives them;
# for a pulse-tally histogram they are estimated from the buckets).
# sales-hist.ndjson: the hours from the first- and second-line tasks to the
# user's next event
H=$ROOT/tests/e2e/render/sales-hist.ndjson
C=$ROOT/tests/tools/svg_check.py
pulse-render -f svg "$H" > h.svg
xmllint --noout h.svg && echo "xmllint: ok"
python3 "$C" valid h.svg
rsvg-convert h.svg -o h.png
python3 "$C" pngsize h.png
grep -o 'class="\(title\|subtitle\|panel\|quantile\)"[^>]*>[^<]*' h.svg | sed 's/.*>//'
echo "bars: $(grep -c '^<rect .*<title>' h.svg)"
grep -o '^<rect .*<title>[^<]*' h.svg | sed 's/.*<title>//' | head -n 3
python3 "$C" labels h.svg xlabel
python3 "$C" labels h.svg quantile,value
echo "-- the quantile lines where the buckets put them (plot from x=72, 840 wide)"
jq -r '[.edges, .p50, .p90] | @json' "$H" | while read -r rec; do
	for q in 1 2; do
		jq -r --argjson q $q '.[0] as $e | .[$q] as $v | ($e | length + 1) as $nb |
			([$e[] | select(. <= $v)] | length) as $k |
			(if $k == 0 or $k == ($e|length) then 0.5
			 else ($v - $e[$k-1]) / ($e[$k] - $e[$k-1]) end) as $f |
			72 + ($k + $f) * 840 / $nb | . * 10 | round / 10' <<<"$rec"
	done
done > want
sed -n '/class="quantiles"/,/<\/g>/s/^<line x1="\([0-9.]*\)".*/\1/p' h.svg > got
paste want got | awk '{ d = $1 - $2; if (d < 0) d = -d; print $1, $2, (d <= 0.1 ? "ok" : "WRONG") }'
echo "-- a pulse-tally histogram: no p50/p90 in the record, estimated"
printf '%s\n' '{"kind":"histogram","field":"first_response_hours","by":["team"],"key":["Support"],"edges":[1,2,4,8],"counts":[0,10,10,0,0],"count":20,"sum":55,"null":1}' |
	pulse-render -f svg --lang ru > t.svg
python3 "$C" valid t.svg
grep -o 'class="\(title\|subtitle\|panel\|quantile\)"[^>]*>[^<]*' t.svg | sed 's/.*>//'
echo "-- a tall bar under the quantile labels: they stay apart"
printf '%s\n' '{"kind":"histogram","field":"hours_to_next","by":["event"],"key":["x"],"edges":[0,0.25,0.5,1,2,3,4,6,8,12,24,48,72,168,336,720],"counts":[0,5,7,15,19,18,25,55,48,89,285,2,0,5,13,19,8],"count":613,"sum":9000,"null":0,"event":"x","p50":13.1,"p90":23.4,"unit":"hours"}' |
	pulse-render -f svg > tall.svg
python3 "$C" labels tall.svg quantile,value,xlabel
