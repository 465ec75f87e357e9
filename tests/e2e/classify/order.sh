# ORDER_CONFIRMATION: the first customer message matches
# [order_confirmation] and no later human message follows (a later order
# confirmation or auto-reply is not human; an answer of ours does not count).
cls() {
	pulse-classify --no-default-rules --rules "$ROOT/tests/e2e/classify/test.rules" \
		--as-of 2026-01-21T18:00:00Z "$@"
}
cat >in.ndjson <<'X'
{"kind":"message","ticket_id":701,"message_id":1,"ts":"2026-01-20T09:00:00Z","direction":"in","email":"noreply@shop.example","subject":"Ihre Bestellung 123","text":"Danke"}
{"kind":"message","ticket_id":702,"message_id":2,"ts":"2026-01-15T09:00:00Z","direction":"in","email":"shop@shop.example","subject":"Bestellbestätigung 4711","text":"Gutschein Kochkurs"}
{"kind":"message","ticket_id":702,"message_id":3,"ts":"2026-01-18T09:00:00Z","direction":"in","email":"g@cust.example","subject":"Wo bleibt mein Gutschein?","text":"Bestellt am 15."}
{"kind":"message","ticket_id":703,"message_id":4,"ts":"2026-01-05T09:00:00Z","direction":"in","email":"shop@shop.example","subject":"Order confirmation 88","text":"Thanks"}
{"kind":"message","ticket_id":703,"message_id":5,"ts":"2026-01-05T10:00:00Z","direction":"out","email":"support@school.example","subject":"Re: Order confirmation 88","text":"Received"}
{"kind":"message","ticket_id":704,"message_id":6,"ts":"2026-01-20T09:00:00Z","direction":"in","email":"shop@shop.example","subject":"Order confirmation 89","text":"Thanks"}
{"kind":"message","ticket_id":704,"message_id":7,"ts":"2026-01-20T09:05:00Z","direction":"in","email":"shop@shop.example","subject":"Order confirmation 89 (update)","text":"Paid"}
{"kind":"message","ticket_id":705,"message_id":8,"ts":"2026-01-20T09:00:00Z","direction":"in","email":"shop@shop.example","subject":"Order confirmation 90","text":"Thanks"}
{"kind":"message","ticket_id":705,"message_id":9,"ts":"2026-01-20T09:05:00Z","direction":"in","email":"h@cust.example","subject":"Automatische Antwort: Order confirmation 90","text":"Abwesend"}
{"kind":"message","ticket_id":706,"message_id":10,"ts":"2026-01-20T09:00:00Z","direction":"in","email":"shop@shop.example","subject":"BESTELLBESTÄTIGUNG","text":"Danke"}
X
cls in.ndjson | jq -c '[.ticket_id, .category, .state, .priority, .days_waiting, .reason]'
