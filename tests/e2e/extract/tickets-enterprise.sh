# --tickets with Enterprise helpdesk.ticket fields: the joined members
# follow "channel"; false members are left out, a false sla_deadline is
# null.  Messages of ticket 103 (not in the file) join nothing and are
# counted; the stderr lines say what was loaded and what was not joined.
D=$ROOT/tests/e2e/extract/data
cp "$D/tickets-enterprise.json" tickets.json
pulse-extract odoo --no-default-rules --tickets tickets.json \
	"$D/messages.json" >out
sed -n '1p;5p;10p' out
wc -l <out
