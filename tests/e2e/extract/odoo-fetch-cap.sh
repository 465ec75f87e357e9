# pulse-extract odoo --fetch against a server that caps its pages below
# --limit (7 records a page whatever is asked): a short page is not taken
# for the last, the read goes on until an empty page, for the tickets, the
# staff and the messages; the records are those of the export
. "$ROOT/tests/fake/env.sh"
odoo_samples d
odoo_files d > files.ndjson 2>/dev/null
odoo_start d --cap 7
pulse-extract odoo --fetch --rate 1000 --limit 20 --state st 2>/dev/null > capped.ndjson
cmp capped.ndjson files.ndjson && echo "identical: $(wc -l < capped.ndjson) records"
cat st
grep -c '^json2 mail.message.search_read' fake.log
grep -c '^json2 helpdesk.ticket.search_read' fake.log
grep '^json2 mail.message.search_read' fake.log | tail -1 | cut -c1-90
pulse-extract odoo --fetch --rate 1000 --api jsonrpc --limit 20 2>/dev/null | cmp - files.ndjson && echo "identical over jsonrpc"
