# The correspondent (email, name, partner) is the sender of the earliest
# human `in`: a ticket opened by an automatic order confirmation and followed
# by a customer's question belongs to that customer, not to the shop robot.
# Without a human `in`, it stays the first `in`'s sender.
cat >in.ndjson <<'X'
{"kind":"message","ticket_id":801,"message_id":1,"ts":"2026-01-15T09:00:00Z","direction":"in","email":"noreply@shop.example","author":"Shop","subject":"Bestellbestätigung 4711","text":"Danke"}
{"kind":"message","ticket_id":801,"message_id":2,"ts":"2026-01-18T09:00:00Z","direction":"in","email":"g@cust.example","author":"Gerda","subject":"Wo bleibt mein Gutschein?","text":"Bestellt am 15."}
{"kind":"message","ticket_id":802,"message_id":3,"ts":"2026-01-15T09:00:00Z","direction":"in","email":"noreply@shop.example","author":"Shop","subject":"Bestellbestätigung 4712","text":"Danke"}
{"kind":"message","ticket_id":803,"message_id":5,"ts":"2026-01-16T09:00:00Z","direction":"in","email":"b@cust.example","author":"Berta","subject":"Frage","text":"Hallo"}
{"kind":"message","ticket_id":803,"message_id":4,"ts":"2026-01-16T09:00:00Z","direction":"in","email":"a@cust.example","author":"Anna","subject":"Frage","text":"Hallo"}
X
pulse-classify --no-default-rules --rules "$ROOT/tests/e2e/classify/test.rules" \
	--as-of 2026-01-21T18:00:00Z in.ndjson |
	jq -c '[.ticket_id, .category, .email, .name, .summary]'
