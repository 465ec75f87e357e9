# every EXAMPLES line of pulse-utm(1) runs, on the funnel tests' leads
D=$ROOT/tests/e2e/funnel
jq -c 'if .kind == "lead" and .id == "4" then .utm_content = "104" else . end' \
	"$D/leads.ndjson" > leads.ndjson
cp "$D/stages.ndjson" .
jq -c 'select(.kind == "lead" and .id == "6") | .uf_crm_landing = "https://shop.example/?utm_source=Avito.ru" | .utm_source = null' \
	"$D/leads.ndjson" >> leads.ndjson
printf 'utm_content,utm_source,ad_group\n104,avito,bumpers\n' > ads.csv
printf 'alias,canonical\navito.ru,avito\n' > sources.csv
sed -n '/^\.Sh EXAMPLES/,/^\.Sh/s/^\.Dl //p' "$ROOT/filters/utm/pulse-utm.1" > examples
while IFS= read -r cmd; do
	echo "\$ $cmd"
	echo "\$ $cmd" >&2
	eval "$cmd" | jq -c '
		if .kind == "lead" then [.id, .utm_source, .utm_origin, .ad_group]
		elif .table == "stages" and .stage == "NEW" then [.group.source, .stage, .reached, .total]
		else empty end'
done < examples
