# pulse-extract odoo --fetch: Odoo's error answers are named errors with
# their exit status (77 refused, 69 unavailable, missing or not on the
# plan, 76 not Odoo's); a 500 or a 502 page is retried; a wrong --api
# names the other; no bookmark moves on a failed run
. "$ROOT/tests/fake/env.sh"
odoo_samples d
odoo_files d > files.ndjson 2>/dev/null
for f in mail.message.search_read:1:500 res.users.search_read:1:html; do
	odoo_start d --fault "$f"
	pulse-extract odoo --fetch --retries 2 --limit 50 --state st \
		2>/dev/null > out.ndjson
	cmp out.ndjson files.ndjson && echo "$f: retried, identical"
	rm -f st
done
for f in '*:1:401' helpdesk.ticket.fields_get:1:403 '*:1:plan' \
	helpdesk.ticket.fields_get:1:nomodel \
	helpdesk.ticket.search_read:1:nofield '*:1:html200' \
	mail.message.search_read:2+:500; do
	odoo_start d --fault "$f"
	pulse-extract odoo --fetch --retries 1 --limit 50 --state st \
		2>&1 > out.ndjson | grep -v '^pulse-extract: tickets:'
	echo "exit ${PIPESTATUS[0]}"
	[ -e st ] && echo "bookmark written"
done
odoo_start d --only jsonrpc
pulse-extract odoo --fetch 2>&1 | sed "s/$FAKE_PORT/PORT/"
echo "exit ${PIPESTATUS[0]}"
odoo_start d --only json2
pulse-extract odoo --fetch --api jsonrpc 2>&1 | sed "s/$FAKE_PORT/PORT/"
echo "exit ${PIPESTATUS[0]}"
odoo_start d
PULSE_ODOO_KEY=wrong pulse-extract odoo --fetch 2>&1 || echo "exit $?"
PULSE_ODOO_KEY=wrong pulse-extract odoo --fetch --api jsonrpc 2>&1 ||
	echo "exit $?"
