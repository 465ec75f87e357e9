# NO_RESPONSE priority by whole days waiting (floor of elapsed / 24 h) from
# the oldest unanswered message: 0-1 urgent, 2-3 medium, 4+ low; the
# boundaries to the second, times after --as-of, naive and offset times.
cls() {
	pulse-classify --no-default-rules --rules "$ROOT/tests/e2e/classify/test.rules" \
		--as-of 2026-01-21T18:00:00Z "$@"
}
m() { # ticket ts
	printf '{"kind":"message","ticket_id":%s,"message_id":%s,"ts":"%s","direction":"in","email":"a@cust.example","subject":"Frage","text":"Hallo"}\n' "$1" "$1" "$2"
}
{
	m 201 2026-01-21T18:00:00Z
	m 202 2026-01-20T18:00:01Z
	m 203 2026-01-20T18:00:00Z
	m 204 2026-01-19T18:00:01Z
	m 205 2026-01-19T18:00:00Z
	m 206 2026-01-18T18:00:00Z
	m 207 2026-01-17T18:00:01Z
	m 208 2026-01-17T18:00:00Z
	m 209 2026-01-07T18:00:00Z
	m 210 2026-01-22T09:00:00Z
	m 211 2026-01-15T18:00:00Z
	m 211 2026-01-21T10:00:00Z
	m 212 '2026-01-19 18:00:00'
	m 213 2026-01-19T20:00:00+02:00
	m 214 2026-01-19T17:59:59.900Z
} >in.ndjson
cls in.ndjson | jq -c '[.ticket_id, .category, .priority, .days_waiting, .first_in]'
