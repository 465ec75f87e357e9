# INSOLVENCY_RESPONDED: answered long ago, and an in or out message (not a
# note) talks about insolvency; German and Cyrillic, any case.  A recent
# answer is RECENT_RESPONSE first (rule 6 before rule 7).
cls() {
	pulse-classify --no-default-rules --rules "$ROOT/tests/e2e/classify/test.rules" \
		--as-of 2026-01-21T18:00:00Z "$@"
}
cat >in.ndjson <<'X'
{"kind":"message","ticket_id":801,"message_id":1,"ts":"2026-01-02T09:00:00Z","direction":"in","email":"a@cust.example","subject":"Gutschein einlösen?","text":"Geht das noch?"}
{"kind":"message","ticket_id":801,"message_id":2,"ts":"2026-01-03T09:00:00Z","direction":"out","email":"support@school.example","subject":"Re: Gutschein einlösen?","text":"Leider ist der Anbieter in der INSOLVENZ."}
{"kind":"message","ticket_id":802,"message_id":3,"ts":"2026-01-02T09:00:00Z","direction":"in","email":"b@cust.example","subject":"Вопрос","text":"Компания БАНКРОТ?"}
{"kind":"message","ticket_id":802,"message_id":4,"ts":"2026-01-03T09:00:00Z","direction":"out","email":"support@school.example","subject":"Re: Вопрос","text":"Нет."}
{"kind":"message","ticket_id":803,"message_id":5,"ts":"2026-01-19T09:00:00Z","direction":"in","email":"c@cust.example","subject":"Gutschein","text":"Gilt er?"}
{"kind":"message","ticket_id":803,"message_id":6,"ts":"2026-01-20T09:00:00Z","direction":"out","email":"support@school.example","subject":"Re: Gutschein","text":"Nach der Insolvenz leider nicht."}
{"kind":"message","ticket_id":804,"message_id":7,"ts":"2026-01-02T09:00:00Z","direction":"in","email":"d@cust.example","subject":"Frage","text":"Hallo"}
{"kind":"message","ticket_id":804,"message_id":8,"ts":"2026-01-02T10:00:00Z","direction":"note","email":"support@school.example","subject":null,"text":"Insolvenzfall?"}
{"kind":"message","ticket_id":804,"message_id":9,"ts":"2026-01-03T09:00:00Z","direction":"out","email":"support@school.example","subject":"Re: Frage","text":"Antwort"}
X
cls in.ndjson | jq -c '[.ticket_id, .category, .state, .priority, .reason]'
