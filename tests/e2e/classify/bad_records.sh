# Bad message records, each named by file, line and field, under each
# --on-error mode; a bad record leaves no trace in its ticket.
cls() {
	pulse-classify --no-default-rules --rules "$ROOT/tests/e2e/classify/test.rules" \
		--as-of 2026-01-21T18:00:00Z "$@"
}
cat >bad.ndjson <<'X'
{"kind":"message","ticket_id":1,"message_id":1,"ts":"2026-01-20T09:00:00Z","direction":"in","email":"a@cust.example","subject":"Frage","text":"x"}
{"kind":"message","message_id":2,"ts":"2026-01-20T10:00:00Z","direction":"out","subject":"Re: Frage","text":"y"}
{"kind":"message","ticket_id":"1","message_id":3,"ts":"2026-01-20T10:00:00Z","direction":"out","subject":"Re: Frage","text":"y"}
{"kind":"message","ticket_id":1,"message_id":4,"ts":"yesterday","direction":"out","subject":"Re: Frage","text":"y"}
{"kind":"message","ticket_id":1,"message_id":5,"ts":"2026-01-20T10:00:00Z","direction":"inbound","subject":"Re: Frage","text":"y"}
{"kind":"message","ticket_id":1,"message_id":6,"ts":"2026-01-20T10:00:00Z","direction":"out","subject":5,"text":"y"}
{"kind":"message","ticket_id":1,"message_id":"7","ts":"2026-01-20T10:00:00Z","direction":"out","subject":"Re: Frage","text":"y"}
{"kind":"ticket","ticket_id":1,"message_id":8,"ts":"2026-01-20T10:00:00Z","direction":"out","subject":"Re: Frage","text":"y"}
{"kind":"message","ticket_id":3,"message_id":9,"direction":"out","subject":"Re: Frage","text":"y"}
{"kind":"message","ticket_id":3,"message_id":10,"ts":"2026-01-20T10:00:00Z","direction":"out","subject":"Re: Frage","text":"y","ticket_created":"soon"}
{"kind":"message","ticket_id":1.5,"message_id":11,"ts":"2026-01-20T10:00:00Z","direction":"out","subject":"Re: Frage","text":"y"}
{"kind":"message","ticket_id":3,"message_id":12,"ts":"2026-01-20T10:00:00Z","text":"y"}
{"kind":"message","ticket_id":3,"message_id":13,"ts":"2026-01-20T10:00:00Z","direction":"out","email":["a"],"text":"y"}
{"kind":"message","ticket_id":2,"message_id":14,"ts":"2026-01-20T09:00:00Z","direction":"in","email":"b@cust.example","subject":"Frage","text":"x"}
X
echo '# fail'
cls bad.ndjson 2>err || echo "exit $?"
cat err
echo '# skip'
cls --on-error=skip bad.ndjson 2>err | jq -c '[.ticket_id, .category, .n_messages]'
cat err
echo '# quarantine'
cls --on-error=quarantine:q.ndjson bad.ndjson 2>err | jq -c '[.ticket_id, .category, .n_messages]'
tail -n 1 err
sed -n '2,13p' bad.ndjson | cmp - q.ndjson && echo 'q.ndjson holds lines 2-13'
