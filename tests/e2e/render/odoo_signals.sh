# Odoo's own signals: the priority stars as words (0-3: low, medium, high,
# urgent) in the waiting lists, which they rank first (then days waiting);
# the open tickets' SLA deadlines (breached, due today, due within a week)
# per priority and per team; the channels with tickets, open ones and the
# first response median (closed tickets count; null channel is unknown).
tk() { # id category days stars team sla channel frh
	printf '{"kind":"ticket","ticket_id":%s,"state":"%s","category":"%s","days_waiting":%s,"first_response_hours":%s,"as_of":"2026-01-21T18:00:00Z","created":"2026-01-10T09:00:00Z","email":"c%s@x.example","excerpt":"Frage %s","ticket_priority":%s,"team":%s,"sla_deadline":%s,"channel":%s}\n' \
		"$1" "$([ "$2" = RESPONDED_NO_FOLLOWUP ] && echo closed || echo open)" "$2" "$3" "$8" "$1" "$1" "$4" "$5" "$6" "$7"
}
{
	tk 1 NO_RESPONSE 9 '"0"' '"Care"' '"2026-01-12T09:00:00Z"' '"email"' null
	tk 2 NO_RESPONSE 5 '"3"' '"Care"' '"2026-01-21T20:00:00Z"' '"email"' null
	tk 3 NO_RESPONSE 12 '"1"' '"Partners"' '"2026-01-25T09:00:00Z"' '"Website"' null
	tk 4 NO_RESPONSE 6 null null '"2026-02-25T09:00:00Z"' null null
	tk 5 RECENT_RESPONSE null '"2"' '"Care"' null '"email"' 3
	tk 6 RESPONDED_NO_FOLLOWUP null '"3"' '"Care"' null '"email"' 5
	tk 7 RESPONDED_NO_FOLLOWUP null '"0"' '"Care"' null '"Website"' 30
} >t.ndjson
pulse-render --no-default-rules t.ndjson | sed -n '/^## Low priority/,/^---/p;/^## Priorities, SLA/,/^---/p'
echo '# ru'
pulse-render --lang ru --no-default-rules t.ndjson | sed -n '/^## Приоритеты, SLA/,/^---/p'
echo '# without sla_deadline'
jq -c 'del(.sla_deadline)' t.ndjson | pulse-render --no-default-rules | grep -A2 '^### Open tickets by'
echo '# a priority Odoo does not have, an entities value that is not an object'
echo '{"kind":"ticket","ticket_id":1,"state":"closed","category":"SPAM","ticket_priority":"5"}' | pulse-render 2>&1 >/dev/null || echo "exit $?"
echo '{"kind":"ticket","ticket_id":1,"state":"closed","category":"SPAM","entities":["Köln"]}' | pulse-render 2>&1 >/dev/null || echo "exit $?"
