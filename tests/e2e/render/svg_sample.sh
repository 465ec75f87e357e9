# the charts of make demo, on the bundled sales sample: valid SVG 1.1, PNGs
# of the declared size, and no label overlapping another (nor a box) in the
# Sankey diagrams (all users, for a screen and for a phone; users with
# WhatsApp or a demo lesson), the daily metrics and the processing-time
# histograms by outcome
S=$SAMPLES
C=$ROOT/tests/tools/svg_check.py
pulse-extract events --dict "$S/sales-dict.csv" --payments "$S/sales-payments.csv.zst" \
	"$S/sales-events.csv.zst" > events.ndjson
pulse-sankey events.ndjson | pulse-render -f svg --lang ru -o sankey.svg
pulse-sankey events.ndjson | pulse-render -f svg --width 1080 --names "$S/sales-names-en.csv" -o sankey-phone.svg
pulse-sankey --require 'Общение в WhatsApp,Переход на ДУ (ДУ начался)' events.ndjson |
	pulse-render -f svg --width 1080 -o sankey-wa.svg
pulse-metrics --defs "$S/sales-metrics.json" events.ndjson | pulse-render -f svg --lang ru -o metrics.svg
pulse-metrics --by-outcome --durations 'Назначение задачи на звонок 1Л,Назначена задача на вторую линию' events.ndjson |
	pulse-render -f svg -o durations.svg
for f in sankey sankey-phone sankey-wa metrics durations; do
	xmllint --noout $f.svg
	echo "$f: $(python3 "$C" valid $f.svg)"
	rsvg-convert $f.svg -o $f.png
	[ "$(python3 "$C" pngsize $f.png)" = "$(sed -n 's/^<svg .* width="\([0-9]*\)" height="\([0-9]*\)".*/\1x\2/p' $f.svg)" ] &&
		echo "$f: PNG of the declared size"
done
python3 "$C" labels sankey.svg label,step,title,subtitle
python3 "$C" labels sankey-phone.svg label,step,title,subtitle
python3 "$C" labels sankey-wa.svg label,step,title,subtitle
python3 "$C" labels metrics.svg xlabel,value,panel,tick,legend,title,subtitle
python3 "$C" labels durations.svg xlabel,value,quantile,panel,tick,subtitle,title,note,legend
