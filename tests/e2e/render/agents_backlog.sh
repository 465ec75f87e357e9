# The ticket report's load per agent (tickets answered, first answers,
# open tickets last answered, first response median and p90, first
# answers slower than the median's target, 24 h or the rules') and backlog
# per day (open at the end of each day, without a first answer, the
# oldest wait) on the Odoo sample, every cell equal to Python's
# computation from the same ticket records; then a small case by hand,
# in both languages, and records without the agents fields.
pulse-extract odoo --tickets "$SAMPLES/odoo-tickets.json.zst" \
	--staff-users "$SAMPLES/odoo-users.json" "$SAMPLES/odoo-messages.json.zst" 2>/dev/null |
	pulse-classify --as-of 2026-01-21T18:00:00Z >t.ndjson
pulse-render --format md t.ndjson >r.md
python3 "$ROOT/tests/e2e/render/agents_backlog.py" t.ndjson r.md
printf '[targets]\nfirst_response_median 12.5\n' >t.rules
pulse-render --format md --rules t.rules t.ndjson >r12.md
python3 "$ROOT/tests/e2e/render/agents_backlog.py" t.ndjson r12.md 12.5 | head -n 1

echo '# by hand'
tk() { # id state category created first_in frh last_out last_ts first_by last_by agents
	printf '{"kind":"ticket","ticket_id":%s,"state":"%s","category":"%s","as_of":"2026-01-12T12:00:00Z","created":"%s","first_in":%s,"first_response_hours":%s,"last_out":%s,"last_ts":%s,"first_response_by":%s,"last_out_by":%s,"agents":%s}\n' "$@"
}
{
	tk 1 closed RESPONDED_NO_FOLLOWUP 2026-01-10T08:00:00Z '"2026-01-10T08:00:00Z"' 2 '"2026-01-10T10:00:00Z"' '"2026-01-10T10:00:00Z"' '"Lena"' '"Lena"' '["Lena"]'
	tk 2 open CUSTOMER_FOLLOWUP 2026-01-10T20:00:00Z '"2026-01-10T20:00:00Z"' 30 '"2026-01-12T02:00:00Z"' '"2026-01-12T09:00:00Z"' '"Jonas"' '"Lena"' '["Jonas","Lena"]'
	tk 3 open NO_RESPONSE 2026-01-11T06:00:00Z '"2026-01-11T06:00:00Z"' null null '"2026-01-11T06:00:00Z"' null null '[]'
	tk 4 closed SPAM 2026-01-11T07:00:00Z '"2026-01-11T07:00:00Z"' null null '"2026-01-11T07:00:00Z"' null null '[]'
	tk 5 open RECENT_RESPONSE 2026-01-12T09:00:00Z '"2026-01-12T09:00:00Z"' 1 '"2026-01-12T10:00:00Z"' '"2026-01-12T10:00:00Z"' '"Jonas"' '"Jonas"' '["Jonas"]'
} >h.ndjson
pulse-render --no-default-rules h.ndjson | sed -n '/^## Load per agent/,/^---/p;/^## Backlog per day/,/^---/p' | grep -v '^[A-Z]'
echo '# ru'
pulse-render --lang ru --no-default-rules h.ndjson | sed -n '/^## Нагрузка/,/^---/p;/^## Очередь/,/^---/p' | grep '^[|*#]'
echo '# records without the agents fields'
jq -c 'del(.first_response_by, .last_out_by, .agents)' h.ndjson | pulse-render --no-default-rules | sed -n '/^## Load per agent/,/^---/p' | grep -v '^Who'
echo '# agents not an array of strings'
jq -c '.agents = [1]' h.ndjson | pulse-render 2>&1 >/dev/null || echo "exit $?"
