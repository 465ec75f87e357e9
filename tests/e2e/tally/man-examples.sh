# every EXAMPLES line of pulse-tally(1) runs, on the render tests' tickets
cp "$ROOT/tests/e2e/render/tickets.ndjson" tickets.ndjson
sed -n '/^\.Sh EXAMPLES/,/^\.Sh/s/^\.Dl //p' "$ROOT/filters/tally/pulse-tally.1" > examples
while IFS= read -r cmd; do
	echo "\$ $cmd"
	eval "$cmd"
done < examples
