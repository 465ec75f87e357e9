# The priority action plan and the metrics to monitor: today lists the
# waiting tickets past their SLA deadline and each topic's today action
# with its open tickets (a topic without open tickets has none); this week
# the week actions; system improvements each topic's improve note and, as
# the first response p90 is above 48 h, reminders; the monitoring table
# has the targets, SLA breaches of open tickets (answered ones too) and
# each topic's share against its target.
cat >t.rules <<'X'
[topic:dates]
label en Course dates missing
today en Answer the date requests
week en Agree the schedules
improve en A waiting list
target en under 20% of requests
any termin
[topic:voucher]
today en Resend the codes
improve en A voucher status page
any gutschein
X
tk() { # id category days topic frh sla
	printf '{"kind":"ticket","ticket_id":%s,"state":"%s","category":"%s","days_waiting":%s,"topics":["%s"],"first_response_hours":%s,"as_of":"2026-01-21T18:00:00Z","created":"2026-01-10T09:00:00Z","sla_deadline":%s}\n' \
		"$1" "$([ "$2" = RESPONDED_NO_FOLLOWUP ] && echo closed || echo open)" "$2" "$3" "$4" "$5" "$6"
}
{
	tk 1 NO_RESPONSE 5 dates null '"2026-01-12T09:00:00Z"'
	tk 2 NO_RESPONSE 0 dates null '"2026-01-22T09:00:00Z"'
	tk 3 RECENT_RESPONSE null dates 72 '"2026-01-15T09:00:00Z"'
	tk 4 RESPONDED_NO_FOLLOWUP null voucher 2 null
	tk 5 RESPONDED_NO_FOLLOWUP null voucher 100 null
} >t.ndjson
pulse-render --no-default-rules --rules t.rules t.ndjson | sed -n '/^## Priority action plan/,/^Quantiles/p'
