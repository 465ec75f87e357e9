# Internal notes, system messages and auto-replies are not answers: a ticket
# whose only "answer" is one of them still waits (NO_RESPONSE), and a
# customer's auto-reply is not a message from them either.
cls() {
	pulse-classify --no-default-rules --rules "$ROOT/tests/e2e/classify/test.rules" \
		--as-of 2026-01-21T18:00:00Z "$@"
}
cat >in.ndjson <<'X'
{"kind":"message","ticket_id":401,"message_id":1,"ts":"2026-01-20T09:00:00Z","direction":"in","email":"a@cust.example","subject":"Frage","text":"Hallo"}
{"kind":"message","ticket_id":401,"message_id":2,"ts":"2026-01-20T10:00:00Z","direction":"note","email":"support@school.example","subject":null,"text":"Antwort intern besprochen"}
{"kind":"message","ticket_id":402,"message_id":3,"ts":"2026-01-20T09:00:00Z","direction":"in","email":"b@cust.example","subject":"Frage","text":"Hallo"}
{"kind":"message","ticket_id":402,"message_id":4,"ts":"2026-01-20T09:00:05Z","direction":"system","email":null,"subject":null,"text":"Stage changed: New -> In Progress"}
{"kind":"message","ticket_id":403,"message_id":5,"ts":"2026-01-20T09:00:00Z","direction":"in","email":"c@cust.example","subject":"Frage","text":"Hallo"}
{"kind":"message","ticket_id":403,"message_id":6,"ts":"2026-01-20T09:00:10Z","direction":"out","email":"support@school.example","subject":"Automatische Antwort: Frage","text":"Wir melden uns bald."}
{"kind":"message","ticket_id":404,"message_id":7,"ts":"2026-01-20T09:00:00Z","direction":"in","email":"d@cust.example","subject":"Frage","text":"Hallo"}
{"kind":"message","ticket_id":404,"message_id":8,"ts":"2026-01-20T09:01:00Z","direction":"out","email":"support@school.example","subject":"Automatische Antwort: Frage","text":"Wir melden uns bald."}
{"kind":"message","ticket_id":404,"message_id":9,"ts":"2026-01-20T12:00:00Z","direction":"out","email":"support@school.example","subject":"Re: Frage","text":"Hier die Antwort."}
{"kind":"message","ticket_id":405,"message_id":10,"ts":"2026-01-20T09:00:00Z","direction":"in","email":"e@cust.example","subject":"Out of Office: Newsletter","text":"I am away."}
{"kind":"message","ticket_id":406,"message_id":11,"ts":"2026-01-10T09:00:00Z","direction":"in","email":"f@cust.example","subject":"Frage","text":"Hallo"}
{"kind":"message","ticket_id":406,"message_id":12,"ts":"2026-01-12T09:00:00Z","direction":"out","email":"support@school.example","subject":"Re: Frage","text":"Antwort"}
{"kind":"message","ticket_id":406,"message_id":13,"ts":"2026-01-12T10:00:00Z","direction":"in","email":"f@cust.example","subject":"OUT OF OFFICE: Re: Frage","text":"Bin im Urlaub."}
X
cls in.ndjson | jq -c '[.ticket_id, .category, .priority, .days_waiting, .n_messages, .n_in, .n_out, .last_out, .first_response_hours]'
