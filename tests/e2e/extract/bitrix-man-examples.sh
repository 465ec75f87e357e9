# The Bitrix24 EXAMPLES of pulse-extract(1), on a generated export under
# the names the page uses (the pulse-funnel end of the last one is
# funnel's test).
pulse-gen bitrix --leads 200 --deals deals.json --history history.json \
	--users users.json --statuses statuses.json --csv leads.csv \
	--ad-map ads.csv >leads.json

pulse-extract bitrix --users users.json --statuses statuses.json \
	--loss-field UF_CRM_LOSS_REASON \
	leads.json deals.json history.json >crm.ndjson
jq -r .kind crm.ndjson | sort | uniq -c

pulse-extract bitrix --statuses statuses.json --tz +03:00 leads.csv 2>/dev/null | wc -l

pulse-extract bitrix leads.json history.json |
	pulse-utm --map ads.csv | wc -l
