# The EXAMPLES of pulse-classify(1), run as written (the pulse-extract one
# aside), and --as-of now.
export PULSE_RULES=$ROOT/tests/e2e/classify/test.rules
cat >messages.ndjson <<'X'
{"kind":"message","ticket_id":7,"message_id":3,"ts":"2026-01-20T09:00:00Z","direction":"in","email":"info@kochschule.example","subject":"Neue Termine","text":"Bitte eintragen"}
{"kind":"message","ticket_id":5,"message_id":1,"ts":"2026-01-19T09:00:00Z","direction":"in","email":"a@cust.example","subject":"Gutschein","text":"Nicht erhalten"}
{"kind":"message","ticket_id":7,"message_id":4,"ts":"2026-01-20T10:00:00Z","direction":"out","email":"support@school.example","subject":"Re: Neue Termine","text":"Erledigt"}
{"kind":"message","ticket_id":5,"message_id":2,"ts":"bad","direction":"in","email":"a@cust.example","subject":"Gutschein","text":"Nicht erhalten"}
X
printf '[topic:other_words]\nany erhalten\n' >our.rules

pulse-classify --as-of 2026-01-21T18:00:00Z \
    --partner-domain kochschule.example messages.ndjson > tickets.ndjson || echo "exit $?"
test -s tickets.ndjson || echo 'no tickets.ndjson: the bad record failed the run'

grep -v '"bad"' messages.ndjson >good.ndjson && mv good.ndjson messages.ndjson
pulse-classify --as-of 2026-01-21T18:00:00Z \
    --partner-domain kochschule.example messages.ndjson > tickets.ndjson
jq -c '[.ticket_id, .category]' tickets.ndjson

jq -r '"\(.ticket_id)\t\(tojson)"' messages.ndjson |
    sort -s -n -k1,1 | cut -f2- | pulse-classify --sorted > tickets.ndjson
jq -c '[.ticket_id, .category]' tickets.ndjson

echo '{"ticket_id":9,"ts":"2026-01-20","direction":"sideways"}' >>messages.ndjson
pulse-classify --rules our.rules --on-error=quarantine:bad.ndjson \
    messages.ndjson > tickets.ndjson 2>/dev/null
jq -c '[.ticket_id, .topics]' tickets.ndjson
jq -c .ticket_id bad.ndjson

echo '# --as-of now'
before=$(date -u +%s)
pulse-classify --as-of now --on-error=skip messages.ndjson 2>/dev/null | head -n 1 | jq -r .as_of >as_of
after=$(date -u +%s)
t=$(date -u -d "$(cat as_of)" +%s)
[ "$t" -ge "$before" ] && [ "$t" -le "$after" ] && echo 'as_of is now'
