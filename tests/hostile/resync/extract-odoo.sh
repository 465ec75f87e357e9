# pulse-extract odoo, --on-error=skip: messages in a pretty-printed JSON
# array with one element cut short, and NDJSON with a garbage line: the
# reader goes on at the next message and counts what was lost (the cut
# element used to swallow the messages after it).  A tickets or users
# file with a broken record is configuration, not skipped: exit 65 at
# its line.
msg() { # id
	jq -n --argjson id "$1" '{id: $id, date: "2025-10-07 09:1\($id):00",
	  model: "helpdesk.ticket", res_id: 101, message_type: "email",
	  subtype_id: false, is_internal: false, author_id: false,
	  email_from: "kunde@example.de", subject: "Frage \($id)", body: "<p>x</p>"}'
}
for i in 1 2 3 4 5; do msg $i; done | jq -s . >all.json
# the third message loses its end: the rest of its element is cut
awk '/"id": 3,/ {cut = 1} cut && /"subject"/ {print "    \"subject\": \"Frage"; cut = 0; skip = 1; next} skip && /^  [}]/ {skip = 0; next} !skip {print}' all.json >cut.json
pulse-extract odoo --no-default-rules --on-error=skip cut.json | jq -c '[.message_id, .subject]'
echo '# NDJSON with a garbage line'
{ msg 1 | jq -c .; echo 'not json at all'; msg 2 | jq -c .; } >m.ndjson
pulse-extract odoo --no-default-rules --on-error=skip m.ndjson | jq -c '[.message_id, .subject]'
echo '# a tickets file with a line of garbage'
printf '{"id":101,"name":"T"}\ngarbage\n{"id":102,"name":"U"}\n' >t.ndjson
pulse-extract odoo --no-default-rules --tickets t.ndjson m.ndjson || echo "exit $?"
echo '# an array of tickets cut short'
printf '[{"id":101,"name":"T"},\n{"id":102,"name":"U\n' >t.json
pulse-extract odoo --no-default-rules --tickets t.json m.ndjson || echo "exit $?"
