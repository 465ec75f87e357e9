# The whole chain over a generated export: pulse-classify must give every
# ticket the category, priority, days waiting, topics and first response
# time the generator built it for (the labels).
as_of=2026-01-21T18:00:00Z
check() {
	pulse-gen odoo "$@" --as-of $as_of --labels labels.ndjson \
		--tickets-out tickets.json --users users.json --rules-out gen.rules \
		>messages.json
	pulse-extract odoo --tickets tickets.json --staff-users users.json \
		--rules gen.rules messages.json 2>/dev/null |
		pulse-classify --as-of $as_of --rules gen.rules >classified.ndjson
	jq -rn --slurpfile L labels.ndjson --slurpfile T classified.ndjson \
		-f "$ROOT/tests/e2e/gen/labels.jq"
}
echo '# the default export'
check
echo '# another seed, NDJSON, OCA ticket fields'
check --seed 42 --tickets 3000 --format ndjson --variant oca
echo '# the showcase: few tickets over a short span, all tricky cases'
check --tickets 30 --days 30
echo '# another as-of, a leap day'
pulse-gen odoo --tickets 500 --seed 7 --as-of 2024-02-29T12:34:56Z --labels labels.ndjson \
	--tickets-out tickets.json --users users.json --rules-out gen.rules >messages.json
pulse-extract odoo --tickets tickets.json --staff-users users.json \
	--rules gen.rules messages.json 2>/dev/null |
	pulse-classify --as-of 2024-02-29T12:34:56Z --rules gen.rules >classified.ndjson
jq -rn --slurpfile L labels.ndjson --slurpfile T classified.ndjson \
	-f "$ROOT/tests/e2e/gen/labels.jq"
