# pulse-extract odoo --tickets: a UTF-8 BOM and CRLF line ends are read;
# a file that is empty, an empty array, the users or the messages is exit
# 65 naming it (no ticket was joined, or users were taken for tickets), as
# is an origin_channel_id that is not [id, name] or false
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
# origin_channel_id (a live chat's) that is not [id, name] or false: 65
for v in '"Visitor"' 41 '{"id":41}'; do
	echo "# origin_channel_id $v"
	jq -c --argjson v "$v" '.origin_channel_id = $v' "$D/tickets-oca.ndjson" > oc.ndjson
	pulse-extract odoo --no-default-rules --tickets oc.ndjson "$D/messages.json" > /dev/null || echo "exit $?"
done
