# The ticket job's records on the bundled 1000-ticket export validate
# against their schemas: message, ticket, count, histogram.
PY=python3
[ -x /usr/bin/python3 ] && PY=/usr/bin/python3 # Debian's, with python3-jsonschema
S=$SAMPLES
pulse-extract odoo --tickets "$S/odoo-tickets.json.zst" --staff-users "$S/odoo-users.json" \
	--rules "$S/odoo-sample.rules" "$S/odoo-messages.json.zst" 2>/dev/null >messages.ndjson
pulse-classify --as-of 2026-01-21T18:00:00Z --rules "$S/odoo-sample.rules" messages.ndjson >tickets.ndjson
pulse-tally --by category,'week(created)' --sum first_response_hours \
	--hist days_waiting tickets.ndjson >tallies.ndjson
$PY "$ROOT/tests/schemas/validate.py" "$ROOT/schemas" messages.ndjson tickets.ndjson tallies.ndjson
