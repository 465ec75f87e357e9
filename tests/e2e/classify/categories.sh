# One ticket for each of the ten categories, as of 2026-01-21T18:00:00Z.
cls() {
	pulse-classify --no-default-rules --rules "$ROOT/tests/e2e/classify/test.rules" \
		--as-of 2026-01-21T18:00:00Z "$@"
}
cat >in.ndjson <<'X'
{"kind":"message","ticket_id":101,"message_id":1,"ts":"2026-01-21T08:00:00Z","direction":"in","email":"a@cust.example","subject":"Frage","text":"Hallo"}
{"kind":"message","ticket_id":102,"message_id":2,"ts":"2026-01-19T10:00:00Z","direction":"in","email":"b@cust.example","subject":"Frage","text":"Hallo"}
{"kind":"message","ticket_id":102,"message_id":3,"ts":"2026-01-20T10:00:00Z","direction":"out","email":"support@school.example","subject":"Re: Frage","text":"Gerne"}
{"kind":"message","ticket_id":103,"message_id":4,"ts":"2026-01-16T09:00:00Z","direction":"in","email":"kurs@partner.example","subject":"Neue Kurse","text":"Bitte eintragen"}
{"kind":"message","ticket_id":104,"message_id":5,"ts":"2026-01-15T09:00:00Z","direction":"in","email":"kurs@partner.example","subject":"Anruf","text":"Bitte anrufen"}
{"kind":"message","ticket_id":104,"message_id":6,"ts":"2026-01-21T09:00:00Z","direction":"out","email":"support@school.example","subject":"Re: Anruf","text":"Gerne"}
{"kind":"message","ticket_id":105,"message_id":7,"ts":"2026-01-10T09:00:00Z","direction":"in","email":"c@cust.example","subject":"Frage","text":"Hallo"}
{"kind":"message","ticket_id":105,"message_id":8,"ts":"2026-01-12T09:00:00Z","direction":"out","email":"support@school.example","subject":"Re: Frage","text":"Antwort"}
{"kind":"message","ticket_id":105,"message_id":9,"ts":"2026-01-19T12:00:00Z","direction":"in","email":"c@cust.example","subject":"Re: Frage","text":"Und noch etwas"}
{"kind":"message","ticket_id":106,"message_id":10,"ts":"2026-01-05T09:00:00Z","direction":"note","email":"support@school.example","subject":null,"text":"intern"}
{"kind":"message","ticket_id":107,"message_id":11,"ts":"2026-01-02T09:00:00Z","direction":"in","email":"d@cust.example","subject":"Gutschein","text":"Ist er noch gültig?"}
{"kind":"message","ticket_id":107,"message_id":12,"ts":"2026-01-03T09:00:00Z","direction":"out","email":"support@school.example","subject":"Re: Gutschein","text":"Wegen der Insolvenz des Anbieters leider nicht."}
{"kind":"message","ticket_id":108,"message_id":13,"ts":"2026-01-04T09:00:00Z","direction":"in","email":"win@lucky.example","subject":"Best Casino bonus","text":"Play now"}
{"kind":"message","ticket_id":109,"message_id":14,"ts":"2026-01-05T09:00:00Z","direction":"in","email":"noreply@shop.example","subject":"Ihre Bestellung 4711","text":"Danke für Ihren Einkauf"}
{"kind":"message","ticket_id":110,"message_id":15,"ts":"2026-01-05T09:00:00Z","direction":"in","email":"e@cust.example","subject":"Frage","text":"Hallo"}
{"kind":"message","ticket_id":110,"message_id":16,"ts":"2026-01-06T09:00:00Z","direction":"out","email":"support@school.example","subject":"Re: Frage","text":"Antwort"}
X
cls in.ndjson | jq -c '[.ticket_id, .state, .category, .priority, .days_waiting, .reason]'
