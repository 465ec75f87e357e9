# --format svg draws a Sankey diagram from link records: valid SVG 1.1, a
# PNG of the size the SVG declares, one band per link, one box per (step,
# event), labels that overlap neither each other nor the boxes (their ink
# measured with the font rsvg-convert really uses), one colour per event.
# sales-links.ndjson: 145 links of 3000 synthetic users, as pulse-sankey
# writes them
L=$ROOT/tests/e2e/render/sales-links.ndjson
C=$ROOT/tests/tools/svg_check.py
pulse-render --format svg "$L" > s.svg
xmllint --noout s.svg && echo "xmllint: ok"
python3 "$C" valid s.svg
python3 "$C" labels s.svg
rsvg-convert s.svg -o s.png
python3 "$C" pngsize s.png
sed -n 's/^<svg .* width="\([0-9]*\)" height="\([0-9]*\)".*/declared: \1x\2/p' s.svg
echo "links: $(wc -l < "$L"), bands: $(grep -c '^<path ' s.svg)"
want=$(jq -r '"\(.step) \(.from)", "\(.step+1) \(.to)"' "$L" | sort -u | wc -l)
got=$(sed -n '/<g class="nodes">/,/<\/g>/p' s.svg | grep -c '<rect')
echo "boxes: $want expected, $got drawn"
grep -o 'class="\(title\|subtitle\|step\)"[^>]*>[^<]*' s.svg | sed 's/.*>//'
echo "-- the first column's labels: users who have a second event"
grep 'class="label"' s.svg | sed -n 's/.*>\([^<]*\)<\/text>/\1/p' | head -n 1
echo "-- events drawn in more than one colour:"
sed -n '/<g class="nodes">/,/<\/g>/p' s.svg |
	sed -n 's/.*fill="\(#[0-9a-f]*\)"><title>\(.*\): [0-9]*<\/title>.*/\2	\1/p' |
	sort -u | cut -f1 | uniq -d
echo "-- the same input, the same bytes"
pulse-render --format svg < "$L" | cmp - s.svg && echo same
echo "-- in Russian"
pulse-render -f svg --lang ru "$L" | grep -o 'class="\(title\|subtitle\|step\)"[^>]*>[^<]*' | sed 's/.*>//' | head -n 3
