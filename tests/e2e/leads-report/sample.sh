# the "done when" on pulse-gen's Bitrix24 sample: the dashboard of
# the whole export; per manager no share above 100%; each manager's leads
# and the leads that reached each status equal counts made with jq from the
# extracted records and the generator's facts (a lead counts once, for its
# current responsible, though 672 of them changed hands); the hot lead
# lies in the stale list with its 24 days
pulse-gen bitrix -o leads.json --deals deals.json --history hist.json \
	--deal-history dhist.json --users users.json --statuses statuses.json \
	--ad-map ads.csv --aliases aliases.csv --facts facts.json
pulse-leads-report --users users.json --statuses statuses.json --map ads.csv \
	--alias aliases.csv --as-of 2026-01-21T18:00:00+03:00 --stale-days 20 \
	--keep kept -o dash.html leads.json deals.json hist.json dhist.json
jq -r '"facts: \(.leads) leads, \(.reassigned) reassigned, hot lead \(.hot_lead) \(.hot_days) days"' facts.json
sed -n '/^<script type="application\/json" id="pulse-data">$/,/^<\/script>$/p' dash.html | sed '1d;$d' |
	jq -c '.records[] | select(.kind == "funnel")' > page.ndjson
jq -c . kept/funnel.ndjson | cmp - page.ndjson && echo "page records = funnel records"
jq -s -r 'map(select(.share != null)) | "shares: \(length), above 1: \(map(select(.share > 1)) | length), max per manager: \(map(select(.group.manager)) | max_by(.share) | .share)"' kept/funnel.ndjson
jq -r 'select(.table == "managers" and .group == {}) | "\(.manager)\t\(.leads)"' kept/funnel.ndjson | sort > page-managers.tsv
jq -r '.leads_by_manager | to_entries[] | "\(.key)\t\(.value)"' facts.json | sort > facts-managers.tsv
jq -s -r 'map(select(.kind == "lead")) | group_by(.manager)[] | "\(.[0].manager)\t\(length)"' kept/records.ndjson | sort > jq-managers.tsv
cmp page-managers.tsv facts-managers.tsv && cmp page-managers.tsv jq-managers.tsv &&
	echo "leads per manager = facts = jq: $(wc -l < page-managers.tsv) managers, $(awk -F'\t' '{ s += $2 } END { print s }' page-managers.tsv) leads"
jq -s -r '
	(map(select(.kind == "stage" and .entity == "lead")) | group_by(.id)
	 | map({key: .[0].id, value: (map(.stage) | unique)}) | from_entries) as $h
	| map(select(.kind == "lead"))
	| map(. as $l | ($h[$l.id] // ["(no stage)"])[] | "\($l.manager)\t\(.)")
	| group_by(.)[] | "\(.[0])\t\(length)"' kept/records.ndjson | sort > jq-reached.tsv
jq -r 'select(.table == "stages" and .entity == "lead" and .group.manager and .reached > 0)
	| "\(.group.manager)\t\(.stage)\t\(.reached)"' kept/funnel.ndjson | sort > page-reached.tsv
cmp jq-reached.tsv page-reached.tsv && echo "per-manager reached = jq: $(wc -l < page-reached.tsv) manager and status pairs"
jq -r --slurpfile f facts.json 'select(.table == "stale" and .group == {} and .id == $f[0].hot_lead)
	| "stale: lead \(.id) \(.stage) since \(.since), \(.days) days"' kept/funnel.ndjson
# leads without UTM take their Bitrix SOURCE_ID's name (pulse-utm
# --crm-source): "(none)" keeps only what nothing tells
jq -s -r 'map(select(.kind == "lead")) | group_by(.utm_origin)[] | "\(.[0].utm_origin): \(length)"' kept/records.ndjson
jq -s -r 'map(select(.kind == "lead" and .utm_origin == "crm_source")) | group_by(.source)[] | "crm_source \(.[0].source) -> \(.[0].utm_source): \(length)"' kept/records.ndjson
