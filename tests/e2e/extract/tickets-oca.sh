# --tickets with OCA helpdesk_mgmt fields: number is the ticket_ref,
# channel_id's name is the channel (a false channel_id leaves "email" for
# emails), there is no sla_deadline.  NDJSON and zstd work here too.
D=$ROOT/tests/e2e/extract/data
zstd -q -o tickets.zst "$D/tickets-oca.ndjson"
pulse-extract odoo --no-default-rules --tickets tickets.zst \
	"$D/messages.json" >out
sed -n '1p;5p;10p;11p' out
wc -l <out
