# SPAM: no answer from us and the first customer message matches [spam]
# (subject, text or sender); a later message, an answer or a note does not
# change what the first message was.
cls() {
	pulse-classify --no-default-rules --rules "$ROOT/tests/e2e/classify/test.rules" \
		--as-of 2026-01-21T18:00:00Z "$@"
}
cat >in.ndjson <<'X'
{"kind":"message","ticket_id":601,"message_id":1,"ts":"2026-01-20T09:00:00Z","direction":"in","email":"win@lucky.example","subject":"Your CASINO bonus","text":"Play"}
{"kind":"message","ticket_id":602,"message_id":2,"ts":"2026-01-19T09:00:00Z","direction":"in","email":"who@cust.example","subject":"Casino night as a team event?","text":"Do you offer that?"}
{"kind":"message","ticket_id":602,"message_id":3,"ts":"2026-01-20T09:00:00Z","direction":"out","email":"support@school.example","subject":"Re: Casino night","text":"Sadly not."}
{"kind":"message","ticket_id":603,"message_id":4,"ts":"2026-01-20T09:00:00Z","direction":"in","email":"promo@spam.example","subject":"Hello","text":"hello"}
{"kind":"message","ticket_id":604,"message_id":5,"ts":"2026-01-20T09:00:00Z","direction":"in","email":"a@cust.example","subject":"Frage","text":"Hallo"}
{"kind":"message","ticket_id":604,"message_id":6,"ts":"2026-01-20T10:00:00Z","direction":"in","email":"a@cust.example","subject":"Frage","text":"my mail was hacked, it sends VIAGRA ads"}
{"kind":"message","ticket_id":605,"message_id":7,"ts":"2026-01-20T09:00:00Z","direction":"in","email":"x@cust.example","subject":"Offer","text":"cheap viagra"}
{"kind":"message","ticket_id":605,"message_id":8,"ts":"2026-01-20T10:00:00Z","direction":"note","email":"support@school.example","subject":null,"text":"spam?"}
{"kind":"message","ticket_id":606,"message_id":9,"ts":"2026-01-20T09:00:00Z","direction":"in","email":"x@cust.example","subject":"Out of office","text":"away"}
{"kind":"message","ticket_id":606,"message_id":10,"ts":"2026-01-20T10:00:00Z","direction":"in","email":"x@cust.example","subject":"casino","text":"win"}
X
cls in.ndjson | jq -c '[.ticket_id, .category, .state, .reason]'
