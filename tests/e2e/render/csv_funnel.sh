# --format csv of funnel records: one table (--table, else the first
# table's, the others counted on stderr); kind and table left out, group
# and money objects one column per member ("group.source", "revenue.RUB")
F=$ROOT/tests/e2e/render/funnel.ndjson
pulse-render --format csv --table sources "$F" | tr '\r' '^' | head -n 4
pulse-render --format csv --table sources "$F" | grep -c 'avito'
jq -c 'select(.table == "managers" and (.group.manager // "") == "Anna")' "$F" |
	pulse-render --format csv --table managers | tr '\r' '^'
jq -c 'select(.group == {} and (.table == "dynamics" or .table == "age"))' "$F" > two.ndjson
pulse-render --format csv two.ndjson 2> err | tr '\r' '^'
cat err
pulse-render --format csv --table stale --bom two.ndjson 2> err | wc -c
cat err
