# every EXAMPLES line of pulse-funnel(1) runs, on the hand-made set
D=$ROOT/tests/e2e/funnel
cp "$D/leads.ndjson" "$D/deals.ndjson" "$D/stages.ndjson" .
sed -n '/^\.Sh EXAMPLES/,/^\.Sh/s/^\.Dl //p' "$ROOT/filters/funnel/pulse-funnel.1" |
	sed 's/\\(dq/"/g' > examples
while IFS= read -r cmd; do
	echo "\$ $cmd"
	eval "$cmd" 2>/dev/null | head -n 3
done < examples
