# Partners: the sender's domain is a [partner] domain or a --partner-domain,
# or a subdomain of one.  Rule 3 (PARTNER_NO_RESPONSE) also takes a
# partner's message at the end of a customer's ticket, and the ticket is
# then a partner's (504: "partner" true, from_email the partner's, though
# the correspondent stays the customer who opened it); with no `in` at all
# the correspondent is the ticket's partner_email.
cls() {
	pulse-classify --no-default-rules --rules "$ROOT/tests/e2e/classify/test.rules" \
		--as-of 2026-01-21T18:00:00Z "$@"
}
cat >in.ndjson <<'X'
{"kind":"message","ticket_id":501,"message_id":1,"ts":"2026-01-20T09:00:00Z","direction":"in","email":"info@kurse.partner.example","subject":"Termine","text":"Neue Kurse"}
{"kind":"message","ticket_id":502,"message_id":2,"ts":"2026-01-20T09:00:00Z","direction":"in","email":"a@notpartner.example","subject":"Frage","text":"Hallo"}
{"kind":"message","ticket_id":503,"message_id":3,"ts":"2026-01-20T09:00:00Z","direction":"in","email":"X@OTHER-PARTNER.EXAMPLE","subject":"Frage","text":"Hallo"}
{"kind":"message","ticket_id":504,"message_id":4,"ts":"2026-01-10T09:00:00Z","direction":"in","email":"c@cust.example","subject":"Kurs","text":"Findet er statt?"}
{"kind":"message","ticket_id":504,"message_id":5,"ts":"2026-01-11T09:00:00Z","direction":"out","email":"support@school.example","subject":"Re: Kurs","text":"Wir fragen nach."}
{"kind":"message","ticket_id":504,"message_id":6,"ts":"2026-01-12T09:00:00Z","direction":"in","email":"chef@partner.example","subject":"Re: Kurs","text":"Ja, er findet statt."}
{"kind":"message","ticket_id":505,"message_id":7,"ts":"2026-01-15T09:00:00Z","direction":"in","email":"kurs@partner.example","subject":"Anruf","text":"Bitte anrufen"}
{"kind":"message","ticket_id":505,"message_id":8,"ts":"2026-01-20T09:00:00Z","direction":"out","email":"support@school.example","subject":"Re: Anruf","text":"Gerne"}
{"kind":"message","ticket_id":506,"message_id":9,"ts":"2026-01-05T09:00:00Z","direction":"in","email":"kurs@partner.example","subject":"Anruf","text":"Bitte anrufen"}
{"kind":"message","ticket_id":506,"message_id":10,"ts":"2026-01-06T09:00:00Z","direction":"out","email":"support@school.example","subject":"Re: Anruf","text":"Erledigt"}
{"kind":"message","ticket_id":507,"message_id":11,"ts":"2026-01-20T09:00:00Z","direction":"out","email":"support@school.example","subject":"Kurse 2026","text":"Anbei die Liste","partner_email":"team@partner.example","partner_name":"Partner Team"}
X
echo '# with --partner-domain @other-partner.example'
cls --partner-domain @other-partner.example in.ndjson |
	jq -c '[.ticket_id, .category, .priority, .days_waiting, .partner, .email, .name, .from_email, .from_partner, .excerpt]'
echo '# without'
cls in.ndjson | jq -c 'select(.ticket_id == 503) | [.ticket_id, .category, .partner]'
