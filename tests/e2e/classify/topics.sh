# Topics: [topic:NAME] keywords over the customer's messages (every `in`,
# subject and text), case-insensitive in German, English and Russian; listed
# in the order of the rules file; "other" when none.  Our answers and
# auto-replies do not count.
cls() {
	pulse-classify --no-default-rules --rules "$ROOT/tests/e2e/classify/test.rules" \
		--as-of 2026-01-21T18:00:00Z "$@"
}
cat >in.ndjson <<'X'
{"kind":"message","ticket_id":901,"message_id":1,"ts":"2026-01-20T09:00:00Z","direction":"in","email":"a@cust.example","subject":"Gutschein und Termine","text":"Kommt der Zoom-Link noch?"}
{"kind":"message","ticket_id":902,"message_id":2,"ts":"2026-01-20T09:00:00Z","direction":"in","email":"b@cust.example","subject":"Hallo","text":"Eine Frage"}
{"kind":"message","ticket_id":903,"message_id":3,"ts":"2026-01-20T09:00:00Z","direction":"in","email":"c@cust.example","subject":"ВАУЧЕР","text":"Когда будут ДАТЫ курса?"}
{"kind":"message","ticket_id":904,"message_id":4,"ts":"2026-01-20T09:00:00Z","direction":"in","email":"d@cust.example","subject":"Voucher for a JGA","text":"We are 8"}
{"kind":"message","ticket_id":905,"message_id":5,"ts":"2026-01-19T09:00:00Z","direction":"in","email":"e@cust.example","subject":"Frage","text":"Hallo"}
{"kind":"message","ticket_id":905,"message_id":6,"ts":"2026-01-20T09:00:00Z","direction":"out","email":"support@school.example","subject":"Re: Frage","text":"Der nächste Termin ist im März, Gutschein anbei."}
{"kind":"message","ticket_id":906,"message_id":7,"ts":"2026-01-19T09:00:00Z","direction":"in","email":"f@cust.example","subject":"Termin?","text":"Wann?"}
{"kind":"message","ticket_id":906,"message_id":8,"ts":"2026-01-20T09:00:00Z","direction":"in","email":"f@cust.example","subject":"Re: Termin?","text":"Es ist für unseren JGA"}
{"kind":"message","ticket_id":907,"message_id":9,"ts":"2026-01-20T09:00:00Z","direction":"in","email":"g@cust.example","subject":"GROẞGRUPPE","text":"Ist der Kurs noch VERFÜGBAR?"}
{"kind":"message","ticket_id":908,"message_id":10,"ts":"2026-01-19T09:00:00Z","direction":"in","email":"h@cust.example","subject":"Frage","text":"Hallo"}
{"kind":"message","ticket_id":908,"message_id":11,"ts":"2026-01-20T09:00:00Z","direction":"in","email":"h@cust.example","subject":"Out of office","text":"Zurück ab 1. Termin"}
{"kind":"message","ticket_id":909,"message_id":12,"ts":"2026-01-20T09:00:00Z","direction":"in","email":"i@cust.example","subject":"Для группы","text":"Нас 10"}
X
cls in.ndjson | jq -c '[.ticket_id, .topics]'
