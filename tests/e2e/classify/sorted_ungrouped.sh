# --sorted on input that is not grouped by ticket_id: the message of a
# ticket whose group has ended is a bad record (fail: exit 65; skip: the
# ticket keeps what its group had).
cls() {
	pulse-classify --no-default-rules --rules "$ROOT/tests/e2e/classify/test.rules" \
		--as-of 2026-01-21T18:00:00Z "$@"
}
cat >in.ndjson <<'X'
{"kind":"message","ticket_id":1,"message_id":1,"ts":"2026-01-20T09:00:00Z","direction":"in","email":"a@cust.example","subject":"Frage","text":"x"}
{"kind":"message","ticket_id":2,"message_id":2,"ts":"2026-01-20T09:00:00Z","direction":"in","email":"b@cust.example","subject":"Frage","text":"x"}
{"kind":"message","ticket_id":1,"message_id":3,"ts":"2026-01-20T10:00:00Z","direction":"out","email":"support@school.example","subject":"Re: Frage","text":"y"}
{"kind":"message","ticket_id":2,"message_id":4,"ts":"2026-01-20T10:00:00Z","direction":"out","email":"support@school.example","subject":"Re: Frage","text":"y"}
X
echo '# fail'
cls --sorted in.ndjson 2>err || echo "exit $?"
cat err
echo '# skip'
cls --sorted --on-error=skip in.ndjson 2>err | jq -c '[.ticket_id, .category, .n_messages]'
cat err
echo '# unsorted mode takes it'
cls in.ndjson | jq -c '[.ticket_id, .category, .n_messages]'
