# The EXAMPLES of pulse-extract(1), on the test data under the names the
# page uses (the pulse-classify half of the second one is classify's test).
D=$ROOT/tests/e2e/extract/data
cp "$D/users.json" users.json
cp "$D/tickets-enterprise.json" tickets.json
cp "$D/messages.json" messages.json
zstd -q messages.json -o messages.json.zst

pulse-extract odoo --staff-users users.json \
	--tickets tickets.json messages.json.zst >messages.ndjson
wc -l <messages.ndjson

pulse-extract odoo --staff-domain example.com messages.json | wc -l

{ sed '$d' messages.json; echo ', {"id": 99}'; echo ']'; } >m.json
mv m.json messages.json
pulse-extract odoo --on-error=quarantine:bad.ndjson messages.json | wc -l
wc -l <bad.ndjson
