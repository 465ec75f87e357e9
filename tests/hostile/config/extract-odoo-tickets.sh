# pulse-extract odoo --tickets: a UTF-8 BOM and CRLF line ends are read;
# a file that is empty, an empty array, the users or the messages is exit
# 65 naming it (no ticket was joined, or users were taken for tickets)
D=$ROOT/tests/e2e/extract/data
bomcrlf() { printf '\357\273\277'; sed 's/$/\r/' "$1"; }
bomcrlf "$D/tickets-oca.ndjson" >tickets.ndjson
pulse-extract odoo --no-default-rules --tickets tickets.ndjson "$D/messages.json" | jq -r .ticket_name | head -n 1
: >empty.json
echo '[]' >none.json
for f in empty.json none.json "$D/users.json" "$D/messages.json"; do
	echo "# --tickets ${f##*/}"
	pulse-extract odoo --no-default-rules --tickets "$f" "$D/messages.json" || echo "exit $?"
done
