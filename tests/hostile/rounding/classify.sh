# pulse-classify: first_response_hours in full precision (it was rounded to
# two decimals, so 20 seconds became 0.01 and 17 seconds 0); the ticket
# report rounds it when it shows it
for m in '{"ticket_id":1,"message_id":1,"ts":"2026-01-20T09:00:00Z","direction":"in","email":"a@b.example","subject":"x","text":"x"}' \
	'{"ticket_id":1,"message_id":2,"ts":"2026-01-20T09:00:17Z","direction":"out","email":"s@shop.example","subject":"x","text":"x"}' \
	'{"ticket_id":2,"message_id":3,"ts":"2026-01-20T09:00:00Z","direction":"in","email":"a@b.example","subject":"x","text":"x"}' \
	'{"ticket_id":2,"message_id":4,"ts":"2026-01-20T10:20:00Z","direction":"out","email":"s@shop.example","subject":"x","text":"x"}'; do
	echo "$m"
done >m.ndjson
pulse-classify --no-default-rules --as-of 2026-01-21T18:00:00Z m.ndjson 2>/dev/null | tee t.ndjson | jq -c '[.ticket_id, .first_response_hours]'
pulse-render --format md t.ndjson | grep -i 'first response time, median'
