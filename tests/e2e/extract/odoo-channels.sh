# pulse-extract odoo: the channel of each message record: the OCA
# channel_id's name; else "Live chat" for a ticket made from a live chat
# (Odoo 18+: origin_channel_id set); else "email" for an email message and
# "WhatsApp" for a whatsapp_message (their direction by the author, as for
# email and comment); else null.  The fetch path gives the same records
# (it asks for origin_channel_id when the database has it), and the
# report's channel table counts them
. "$ROOT/tests/fake/env.sh"
odoo_samples d
python3 - <<'PY'
import json
t = json.load(open("d/tickets.json"))
for x in t:
    x["origin_channel_id"] = [41, "Visitor #12"] if x["id"] == 230001 else False
json.dump(t, open("d/tickets.json", "w"), ensure_ascii=False)
m = json.load(open("d/messages.json"))
for x in m:
    if x["res_id"] == 230003 and x["message_type"] in ("email", "comment"):
        x["message_type"] = "whatsapp_message"
json.dump(m, open("d/messages.json", "w"), ensure_ascii=False)
PY
odoo_files d 2>/dev/null > files.ndjson
jq -r 'select(.ticket_id <= 230004) | [.ticket_id, .message_type, .direction, .channel // "null"] | @tsv' files.ndjson |
	sort | uniq -c | sed 's/^ *//'
odoo_start d
pulse-extract odoo --fetch --rate 1000 --limit 50 2>/dev/null | cmp - files.ndjson && echo "fetched: identical"
grep -o '"fields":\[[^]]*origin_channel_id' fake.log | head -1 | cut -c1-20
pulse-classify files.ndjson 2>/dev/null | pulse-render -f md --lang en 2>/dev/null |
	awk '/^### Channels/ { p = 1 } p && /^---/ { exit } p && NF'
