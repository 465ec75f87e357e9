# first_response_hours: from the first customer message to our first answer
# after it, rounded to 2 decimals; notes and auto-replies are not answers,
# an answer before the first customer message does not count.
cls() {
	pulse-classify --no-default-rules --rules "$ROOT/tests/e2e/classify/test.rules" \
		--as-of 2026-01-21T18:00:00Z "$@"
}
m() { # ticket id ts direction [subject]
	printf '{"kind":"message","ticket_id":%s,"message_id":%s,"ts":"%s","direction":"%s","email":"a@cust.example","subject":"%s","text":"Hallo"}\n' "$1" "$2" "$3" "$4" "${5:-Frage}"
}
{
	m 1001 1 2026-01-10T09:00:00Z in
	m 1001 2 2026-01-10T10:20:00Z out
	m 1002 3 2026-01-09T09:00:00Z out
	m 1002 4 2026-01-10T09:00:00Z in
	m 1002 5 2026-01-10T09:00:30Z out
	m 1003 6 2026-01-10T09:00:00Z in
	m 1003 7 2026-01-12T09:00:00Z out
	m 1004 8 2026-01-10T09:00:00Z in
	m 1004 9 2026-01-10T09:30:00Z note
	m 1004 10 2026-01-10T10:30:00Z out
	m 1005 11 2026-01-10T09:00:00Z in
	m 1006 12 2026-01-10T09:00:00Z in
	m 1006 13 2026-01-10T09:00:17Z out
	m 1007 14 2026-01-10T09:00:00Z in
	m 1007 15 2026-01-10T09:01:00Z out 'Automatische Antwort'
	m 1007 16 2026-01-10T11:00:00Z out
	m 1008 17 2026-01-10T09:00:00Z in
	m 1008 18 2026-01-10T09:20:00Z out
	m 1008 19 2026-01-11T09:00:00Z in
	m 1008 20 2026-01-13T09:00:00Z out
} >in.ndjson
cls in.ndjson | jq -c '[.ticket_id, .first_response_hours]'
echo '# raw'
cls in.ndjson | grep -o '"ticket_id":100[126],.*"first_response_hours":[^,]*'  | sed 's/"state.*"first/"first/'
