# The bitrix EXAMPLES of pulse-gen(1) (the million-lead one with 2000).
pulse-gen bitrix --deals deals.json --history history.json \
    --deal-history deal-history.json --csv leads.csv \
    --users users.json --statuses statuses.json --ad-map ads.csv \
    --aliases aliases.csv --facts facts.json >leads.json
ls

pulse-extract bitrix leads.json history.json |
jq -s '[.[] | select(.kind == "stage") | .id] as $h |
    [.[] | select(.kind == "lead" and (.id as $i | $h | index($i) | not))] |
    length'

pulse-gen bitrix --leads 2000 --history big-history.json >big-leads.json
pulse-extract bitrix big-leads.json big-history.json | jq -r .kind | sort | uniq -c
