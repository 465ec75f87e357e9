# The EXAMPLES of pulse-gen(1), run as written.
pulse-gen odoo --tickets-out tickets.json --users users.json \
    --rules-out sample.rules --labels labels.ndjson >messages.json
ls

pulse-extract odoo --tickets tickets.json --staff-users users.json \
    --rules sample.rules messages.json 2>/dev/null |
pulse-classify --as-of 2026-01-21T18:00:00Z --rules sample.rules |
jq -r .category | sort | uniq -c >classified.txt
jq -r .category labels.ndjson | sort | uniq -c | cmp - classified.txt &&
	echo 'the counts of the labels'

pulse-gen odoo --tickets 50000 --seed 7 --format ndjson | zstd -q >big.ndjson.zst
zstd -dc big.ndjson.zst | wc -l | awk '{ print ($1 > 190000 && $1 < 210000) ? "about 200000 messages" : $1 }'
