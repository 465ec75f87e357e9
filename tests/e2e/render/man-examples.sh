# the EXAMPLES of pulse-render(1) run: messages from the extract tests'
# Odoo export, classified, and pulse-funnel's test leads; only the shape of
# each report is checked here
D=$ROOT/tests/e2e/extract/data
pulse-extract odoo "$D/messages.json" > messages.ndjson 2>/dev/null
zstd -q "$D/messages.json" -o export.json.zst
F=$ROOT/tests/e2e/funnel
cat "$F/leads.ndjson" "$F/deals.ndjson" "$F/stages.ndjson" > leads.ndjson
S=$SAMPLES
pulse-extract events --dict "$S/sales-dict.csv" --payments "$S/sales-small-payments.csv" \
	"$S/sales-small-events.csv" > events.ndjson
cp "$S/sales-metrics.json" "$S/sales-names-en.csv" .
M=$ROOT/filters/render/pulse-render.1
sed -n '/^\.Sh EXAMPLES/,/^\.Sh/{/^\.Dl /{s/^\.Dl //;p;};/^\.Bd/,/^\.Ed/{/^\./d;p;};}' "$M" > examples.sh
cat examples.sh
echo "--"
bash -eu -o pipefail examples.sh > out.md 2> err
head -n 1 report.md
grep -c '^## ' out.md
grep -E '^(# |### category)' out.md
grep -c '<section' dashboard.html
head -n 1 sources.csv | tr '\r' '^'
head -n 1 tickets.csv | cut -d, -f1-4
xmllint --noout sankey.svg metrics.svg && echo "svg: well-formed"
grep -c '^<path ' sankey.svg
grep -c '^POST .*sendMessage' out.md
xmllint --noout durations.svg && grep -c 'class="legend"' durations.svg
grep -c 'class="exit"' sankey.svg
