# pulse-extract odoo --staff-users: a UTF-8 BOM and CRLF line ends are
# read; a file that is empty, the tickets (their customers became staff)
# or the messages is exit 65 naming it
D=$ROOT/tests/e2e/extract/data
bomcrlf() { printf '\357\273\277'; sed 's/$/\r/' "$1"; }
bomcrlf "$D/users.json" >users.json
pulse-extract odoo --no-default-rules --staff-users users.json "$D/messages.json" | jq -r '[.message_id, .direction] | join(" ")' | head -n 2
: >empty.json
for f in empty.json "$D/tickets-enterprise.json" "$D/messages.json"; do
	echo "# --staff-users ${f##*/}"
	pulse-extract odoo --no-default-rules --staff-users "$f" "$D/messages.json" || echo "exit $?"
done
