# --width PX: a chart at most PX pixels wide, for a phone (1080; the daily
# job sends its chart so).  The Sankey's columns come closer and its
# labels wrap (four lines at most, then cut, the count kept); the bar
# charts' plots narrow and their titles wrap.  Labels overlap neither each
# other nor a node (measured with the font rsvg-convert uses), on the
# demo's data and on a dense case; the exits still add up.
S=$SAMPLES
C=$ROOT/tests/tools/svg_check.py
size() { sed -n 's/^<svg .* width="\([0-9]*\)" height="\([0-9]*\)".*/\1x\2/p' "$1"; }
pulse-extract events --dict "$S/sales-dict.csv" --payments "$S/sales-payments.csv.zst" \
	"$S/sales-events.csv.zst" > events.ndjson
pulse-sankey events.ndjson > links.ndjson
echo "-- without --width: as wide as the labels need"
pulse-render -f svg --lang ru links.ndjson > wide.svg
size wide.svg
for args in "--lang ru" "--lang en --names $S/sales-names-en.csv"; do
	echo "-- --width 1080 ${args%% --names*}"
	# shellcheck disable=SC2086
	pulse-render -f svg --width 1080 $args links.ndjson > n.svg
	python3 "$C" valid n.svg
	size n.svg
	rsvg-convert n.svg -o n.png && python3 "$C" pngsize n.png
	python3 "$C" labels n.svg label,step,title,subtitle
	python3 "$C" sankey n.svg | tail -n 1
	echo "labels cut: $(grep -c 'class="label"><title>' n.svg || true)"
done
echo "-- the users with WhatsApp or a demo lesson"
pulse-sankey --require 'Общение в WhatsApp,Переход на ДУ (ДУ начался)' events.ndjson |
	pulse-render -f svg --width 1080 > wa.svg
size wa.svg
python3 "$C" labels wa.svg label,step,title,subtitle

echo "-- dense: 60 events of every width after one, in 1080 and 400 pixels"
for i in $(seq 1 60); do
	v=$(( i == 1 ? 10000 : i ))
	printf '{"kind":"link","step":1,"from":"Создание заявки","to":"Событие номер %d%s","value":%d}\n' \
		"$i" "$(printf '%*s' $((i % 7 * 4)) '' | tr ' ' 'W')" "$v"
	printf '{"kind":"link","step":2,"from":"Событие номер %d%s","to":"payment","value":1}\n' \
		"$i" "$(printf '%*s' $((i % 7 * 4)) '' | tr ' ' 'W')"
done > dense.ndjson
for w in 1080 400; do
	pulse-render -f svg --width $w dense.ndjson > d.svg
	echo "$w: $(size d.svg)"
	python3 "$C" labels d.svg label,step,title,subtitle
	python3 "$C" sankey d.svg | tail -n 1
done
echo "-- ten steps in 400 pixels: too many for its columns, drawn scaled down"
pulse-sankey --steps 10 events.ndjson | pulse-render -f svg --width 400 > ten.svg
size ten.svg
grep -o 'viewBox="[^"]*"' ten.svg
python3 "$C" labels ten.svg label,step
python3 "$C" sankey ten.svg | tail -n 1

echo "-- the bar charts in 480 pixels: metrics, durations by outcome"
pulse-metrics --defs "$S/sales-metrics.json" events.ndjson | pulse-render -f svg --width 480 --lang ru > m.svg
size m.svg
python3 "$C" labels m.svg xlabel,value,panel,tick,legend,title,subtitle
pulse-metrics --by-outcome --durations 'Назначение задачи на звонок 1Л,Назначена задача на вторую линию' events.ndjson |
	pulse-render -f svg --width 480 --lang ru > h.svg
size h.svg
python3 "$C" labels h.svg xlabel,value,quantile,panel,tick,subtitle,title,note,legend
echo "-- --width below 400 is a usage error"
pulse-render -f svg --width 399 < /dev/null 2>&1 | head -n 1 || true
