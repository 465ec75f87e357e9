# the Sankey layout under pressure: 60 small events after one big one
# (more labels than the default height holds: the plot grows), values from
# 1 to 10000 in one column, names of every width; no label overlaps
C=$ROOT/tests/tools/svg_check.py
for i in $(seq 1 60); do
	v=$(( i == 1 ? 10000 : i ))
	printf '{"kind":"link","step":1,"from":"Создание заявки","to":"Событие номер %d%s","value":%d}\n' \
		"$i" "$(printf '%*s' $((i % 7 * 4)) '' | tr ' ' 'W')" "$v"
	printf '{"kind":"link","step":2,"from":"Событие номер %d%s","to":"payment","value":1}\n' \
		"$i" "$(printf '%*s' $((i % 7 * 4)) '' | tr ' ' 'W')"
done > links.ndjson
pulse-render -f svg links.ndjson > s.svg
python3 "$C" valid s.svg
python3 "$C" labels s.svg
sed -n 's/^<svg .* height="\([0-9]*\)".*/height: \1/p' s.svg
rsvg-convert s.svg -o s.png && python3 "$C" pngsize s.png
echo "-- one link"
echo '{"kind":"link","step":1,"from":"a","to":"b","value":1}' | pulse-render -f svg > one.svg
python3 "$C" valid one.svg
python3 "$C" labels one.svg
grep -c '^<path ' one.svg
