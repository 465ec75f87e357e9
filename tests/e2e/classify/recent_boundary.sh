# Rule 6: an answer at most --recent-days x 24 h before --as-of is recent
# (exactly 72 h is recent, 72 h and one second is not); an answer after
# --as-of is recent too.
cls() {
	pulse-classify --no-default-rules --rules "$ROOT/tests/e2e/classify/test.rules" \
		--as-of 2026-01-21T18:00:00Z "$@"
}
m() { # ticket id ts direction
	printf '{"kind":"message","ticket_id":%s,"message_id":%s,"ts":"%s","direction":"%s","email":"a@cust.example","subject":"Frage","text":"Hallo"}\n' "$1" "$2" "$3" "$4"
}
{
	m 301 1 2026-01-10T09:00:00Z in
	m 301 2 2026-01-18T18:00:00Z out
	m 302 3 2026-01-10T09:00:00Z in
	m 302 4 2026-01-18T17:59:59Z out
	m 303 5 2026-01-10T09:00:00Z in
	m 303 6 2026-01-22T00:00:00Z out
	m 304 7 2026-01-10T09:00:00Z in
	m 304 8 2026-01-20T18:00:00Z out
	m 305 9 2026-01-10T09:00:00Z in
	m 305 10 2026-01-21T18:00:00Z out
} >in.ndjson
echo '# default: 3 days'
cls in.ndjson | jq -c '[.ticket_id, .category, .priority, .days_waiting]'
echo '# --recent-days 1'
cls --recent-days 1 in.ndjson | jq -c '[.ticket_id, .category, .reason]'
echo '# --recent-days 0'
cls --recent-days=0 in.ndjson | jq -c '[.ticket_id, .category]'
