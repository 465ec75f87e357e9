# Every file is valid JSON of the shape Odoo's search_read returns, and the
# messages keep to the export's rules: ids ascending, times within the span
# and in order within a ticket, about one in a hundred of a crm.lead.
pulse-gen odoo --tickets 400 --seed 11 --as-of 2025-12-01T06:30:00Z --days 60 \
	--tickets-out t.json --users u.json --labels l.ndjson >m.json
for f in m.json t.json u.json l.ndjson; do
	jq -e . $f >/dev/null && echo "$f: valid JSON"
done
jq -r 'if all(.[];
	(.id | type) == "number" and
	(.date | test("^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}$")) and
	((.subject | type) == "string" or .subject == false) and
	(.body | type) == "string" and
	(.message_type | IN("email", "comment", "notification", "auto_comment",
		"user_notification", "email_outgoing")) and
	(.subtype_id == false or ((.subtype_id | length) == 2)) and
	(.is_internal | type) == "boolean" and
	(.author_id == false or ((.author_id | length) == 2)) and
	(.email_from == false or (.email_from | type) == "string") and
	(.model | IN("helpdesk.ticket", "crm.lead")) and
	(.res_id | type) == "number" and
	(.record_name | type) == "string" and
	(.partner_ids | type) == "array" and
	(.parent_id == false or ((.parent_id | length) == 2)) and
	(.message_id | test("^<[^<>]+@[^<>]+>$")) and
	(.attachment_ids | type) == "array" and
	(.tracking_value_ids | type) == "array")
	then "messages: fields ok" else "messages: bad fields" end' m.json
jq -r '[.[].id] | if . == sort and (unique | length) == length
	then "messages: ids unique, ascending" else "messages: ids out of order" end' m.json
jq -r 'if all(.[]; .date >= "2025-10-02 06:30:00" and .date <= "2025-12-01 06:30:00")
	then "messages: within the 60 days before as-of" else "messages: out of the span" end' m.json
jq -r '[.[] | select(.model == "helpdesk.ticket")] | group_by(.res_id)
	| if all(.[]; [.[].date] == ([.[].date] | sort) and ([.[].date] | unique | length) == length)
	then "messages: times increase within each ticket" else "messages: times out of order" end' m.json
jq -r '([.[] | select(.model == "crm.lead")] | length) as $n
	| if $n > 0 and $n < (length / 30) then "messages: a few of crm.lead" else "messages: \($n) of crm.lead" end' m.json
jq -r 'if all(.[]; (.id | type) == "number" and (.name | type) == "string" and
	(.ticket_ref | test("^[0-9]{5}$")) and (.priority | IN("0", "1", "2", "3")) and
	((.stage_id | length) == 2) and (.create_date | type) == "string")
	then "tickets: fields ok" else "tickets: bad fields" end' t.json
jq -r 'if all(.[]; (.id | type) == "number" and (.login | type) == "string" and
	((.partner_id | length) == 2) and (.share | type) == "boolean")
	then "users: fields ok" else "users: bad fields" end' u.json
jq -r '[.[] | select(.share | not)] | length | "users: \(.) staff"' u.json
jq -sr 'if all(.[]; (.ticket_id | type) == "number" and (.category | type) == "string" and
	(.priority == null or (.priority | type) == "string") and
	(.days_waiting == null or (.days_waiting | type) == "number") and
	(.topics | length) > 0 and
	(.first_response_hours == null or (.first_response_hours | type) == "number"))
	then "labels: fields ok" else "labels: bad fields" end' l.ndjson
jq -nr --slurpfile t t.json --slurpfile l l.ndjson \
	'if [$t[0][].id] == [$l[].ticket_id] then "labels: one per ticket, in ticket order" else "labels: differ from tickets" end'
echo '# OCA helpdesk_mgmt fields'
pulse-gen odoo --tickets 20 --variant oca --tickets-out oca.json >/dev/null
jq -r '.[0] | [has("number"), has("ticket_ref"), has("channel_id"), has("closed"), has("closed_date")] | @csv' oca.json
