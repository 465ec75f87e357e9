# Who answered: first_response_by is the author of the first answer after
# the first customer message, last_out_by the author of the last answer,
# agents every author of an answer in the order they first wrote (an
# auto-reply and a note are not answers; an answer before the first
# customer message is not the first response, but its author answered;
# an author-less answer is named by its sender's address, one with
# neither is left out); in --sorted mode the same.
cls() {
	pulse-classify --no-default-rules --rules "$ROOT/tests/e2e/classify/test.rules" \
		--as-of 2026-01-21T18:00:00Z "$@"
}
m() { # ticket id ts direction author [email] [subject]
	printf '{"kind":"message","ticket_id":%s,"message_id":%s,"ts":"%s","direction":"%s","author":%s,"email":%s,"subject":"%s","text":"Hallo"}\n' \
		"$1" "$2" "$3" "$4" "$5" "${6:-null}" "${7:-Frage}"
}
{
	m 1 1 2026-01-10T09:00:00Z in '"Kundin"' '"k@cust.example"'
	m 1 2 2026-01-10T10:00:00Z out '"Lena Hartwig"'
	m 1 3 2026-01-11T09:00:00Z in '"Kundin"'
	m 1 4 2026-01-11T12:00:00Z out '"Jonas Albers"'
	m 1 5 2026-01-12T12:00:00Z out '"Lena Hartwig"'
	m 2 6 2026-01-09T09:00:00Z out '"Paula Neuhaus"'
	m 2 7 2026-01-10T09:00:00Z in '"Kunde"'
	m 2 8 2026-01-10T09:01:00Z out '"Bot"' null 'Automatische Antwort'
	m 2 9 2026-01-10T09:30:00Z note '"Felix Brenner"'
	m 2 10 2026-01-10T11:00:00Z out null '"support@kochfreunde.example"'
	m 3 11 2026-01-10T09:00:00Z in '"Kunde"'
	m 3 12 2026-01-10T09:10:00Z out null
	m 4 13 2026-01-10T09:00:00Z in '"K\u00e4ufer \"X\""'
} >in.ndjson
cls in.ndjson | jq -c '[.ticket_id, .first_response_by, .last_out_by, .agents]'
echo '# --sorted'
cls --sorted in.ndjson | jq -c '[.ticket_id, .first_response_by, .last_out_by, .agents]'
echo '# a name that needs escaping, as JSON'
m 5 1 2026-01-10T09:00:00Z in null | cat - <(m 5 2 2026-01-10T09:05:00Z out '"Ren\u00e9e \"R\" \\\\ M\u00fcller"') |
	cls | grep -o '"first_response_by":[^]]*]'
