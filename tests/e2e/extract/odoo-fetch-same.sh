# pulse-extract odoo --fetch: the records the same search_read answers
# saved as files give, byte for byte, over JSON-2 and JSON-RPC, paged by
# id (the samples; pulse-gen odoo's Enterprise and OCA tickets)
. "$ROOT/tests/fake/env.sh"
odoo_samples d
odoo_start d
odoo_files d > files.ndjson 2>/dev/null
pulse-extract odoo --fetch --rate 1000 --limit 10 > json2.ndjson
cmp json2.ndjson files.ndjson && echo identical over json2
pulse-extract odoo --fetch --rate 1000 --api jsonrpc --limit 7 > jsonrpc.ndjson
cmp jsonrpc.ndjson files.ndjson && echo identical over jsonrpc
wc -l < files.ndjson
# the calls: fields_get, the staff, the messages paged by id, each page's
# tickets not yet loaded
grep -c '^json2 mail.message.search_read' fake.log
grep -m2 '^json2 mail.message.search_read' fake.log | cut -c1-120
grep -m1 '^json2 helpdesk.ticket.search_read' fake.log | cut -c1-110
grep -m1 '^jsonrpc common.authenticate' fake.log
for v in enterprise oca; do
	odoo_data g$v 150 $v
	odoo_start g$v
	pulse-extract odoo --fetch --rate 1000 --limit 100 2>/dev/null > f.ndjson
	odoo_files g$v 2>/dev/null > e.ndjson
	cmp f.ndjson e.ndjson && echo "identical ($v): $(wc -l < f.ndjson) records"
done
