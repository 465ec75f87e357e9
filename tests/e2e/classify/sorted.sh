# --sorted gives the same records as the default mode on input grouped by
# ticket_id (groups in any order, messages within a group in any order).
cls() {
	pulse-classify --no-default-rules --rules "$ROOT/tests/e2e/classify/test.rules" \
		--as-of 2026-01-21T18:00:00Z "$@"
}
cat >in.ndjson <<'X'
{"kind":"message","ticket_id":30,"message_id":5,"ts":"2026-01-20T10:00:00Z","direction":"out","email":"support@school.example","subject":"Re: Termin","text":"Am 3. März","ticket_name":"Termin","partner_email":"a@cust.example"}
{"kind":"message","ticket_id":30,"message_id":4,"ts":"2026-01-20T09:00:00Z","direction":"in","email":"a@cust.example","author":"A","subject":"Termin","text":"Wann ist der nächste Termin?","ticket_name":"Termin","partner_email":"a@cust.example"}
{"kind":"message","ticket_id":10,"message_id":1,"ts":"2026-01-02T09:00:00Z","direction":"in","email":"b@cust.example","author":"B","subject":"Casino","text":"x"}
{"kind":"message","ticket_id":20,"message_id":2,"ts":"2026-01-15T09:00:00Z","direction":"in","email":"kurs@partner.example","author":"P","subject":"Kurse","text":"Neue JGA Kurse"}
{"kind":"message","ticket_id":20,"message_id":3,"ts":"2026-01-15T09:30:00Z","direction":"note","email":"support@school.example","subject":null,"text":"ok"}
{"kind":"message","ticket_id":-7,"message_id":6,"ts":"2026-01-01T00:00:00Z","direction":"system","email":null,"subject":null,"text":"created"}
X
cls in.ndjson >unsorted.out
cls --sorted in.ndjson >sorted.out
cmp unsorted.out sorted.out && echo same
cls --sorted <in.ndjson | cmp - unsorted.out && echo same from stdin
jq -c '[.ticket_id, .category, .topics, .subject]' sorted.out
