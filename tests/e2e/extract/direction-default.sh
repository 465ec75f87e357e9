# No staff configured (the default rules have an empty [staff]): comment is
# out and email is in; the system, note and email_outgoing rules still hold.
pulse-extract odoo "$ROOT/tests/e2e/extract/data/messages.json" |
	sed -E 's/.*"message_id":([0-9]+),.*"direction":"([a-z]+)".*/\1 \2/'
