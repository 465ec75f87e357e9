# pulse-gen bitrix with a handful of leads, some lists empty (no deal or
# no stage change at all): each list is one empty page, as the portal
# answers, and pulse-extract reads them (it crashed with a segmentation
# fault under 10 leads).
for n in 1 3 5; do
	pulse-gen bitrix -n $n -o leads.json --deals deals.json --history history.json \
		--deal-history deal-history.json --users users.json --statuses statuses.json
	pulse-extract bitrix --users users.json --statuses statuses.json \
		leads.json deals.json history.json deal-history.json > rec.ndjson
	echo "$n leads: $(jq -r .kind rec.ndjson | sort | uniq -c | tr -s ' ' | tr '\n' ';')"
done
jq -c '{result, total}' deal-history.json | head -n 1
