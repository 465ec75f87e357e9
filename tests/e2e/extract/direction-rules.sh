# Staff from a rules file: [staff] domain and email lines.
D=$ROOT/tests/e2e/extract/data
pulse-extract odoo --rules "$D/staff.rules" "$D/messages.json" | sed -E 's/.*"message_id":([0-9]+),.*"direction":"([a-z]+)".*/\1 \2/'
