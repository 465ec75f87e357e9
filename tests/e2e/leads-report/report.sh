# pulse-leads-report: Bitrix24 REST pages in, the dashboard out, with the
# funnel tables as CSV (--csv) and the records of each stage (--keep); the
# page holds exactly the funnel records kept; per manager no share is above
# 100% and every count equals one made with jq from the lead and stage
# records (a lead counts once, for its current responsible)
D=$ROOT/tests/e2e/leads-report/data
pulse-leads-report --users "$D/users.csv" --map "$D/ads.csv" --alias "$D/alias.csv" \
	--as-of 2024-04-01T00:00:00+03:00 --csv tables --keep kept -o dash.html \
	"$D/leads.json" "$D/deals.json" "$D/history.json"
ls tables kept
head -c 3 tables/managers.csv | od -An -tx1
tail -c +4 tables/managers.csv | tr '\r' '^'
tr '\r' '^' < tables/sources.csv
sed -n '/^<script type="application\/json" id="pulse-data">$/,/^<\/script>$/p' dash.html | sed '1d;$d' > data.json
jq -c . kept/funnel.ndjson > want.ndjson
jq -c '.records[]' data.json | cmp - want.ndjson && echo "page records = funnel records: $(wc -l < want.ndjson)"
jq -r '[.table, (.group | keys | join(""))] | join(" ")' kept/funnel.ndjson | sort | uniq -c
echo "manager shares above 1: $(jq -c 'select(.group.manager and .share > 1)' kept/funnel.ndjson | wc -l)"
# reached per manager and lead status, by jq from the records
jq -s -r '
	(map(select(.kind == "stage" and .entity == "lead")) | group_by(.id)
	 | map({key: .[0].id, value: (map(.stage) | unique)}) | from_entries) as $h
	| map(select(.kind == "lead"))
	| map(. as $l | ($h[$l.id] // ["(no stage)"])[] | [$l.manager, .])
	| group_by(.) | map("\(.[0][0]) \(.[0][1]) \(length)") | .[]' kept/records.ndjson > jq.txt
jq -r 'select(.table == "stages" and .entity == "lead" and .group.manager and .reached > 0)
	| "\(.group.manager) \(.stage) \(.reached)"' kept/funnel.ndjson | sort > funnel.txt
sort jq.txt | diff - funnel.txt && echo "per-manager reached = jq: $(wc -l < funnel.txt) rows"
jq -r 'select(.table == "managers" and .group == {}) | "\(.manager) \(.leads)"' kept/funnel.ndjson > m1.txt
jq -s -r 'map(select(.kind == "lead")) | group_by(.manager) | map("\(.[0].manager) \(length)") | .[]' kept/records.ndjson | diff - m1.txt && cat m1.txt
grep -o '<title>.*</title>' dash.html
