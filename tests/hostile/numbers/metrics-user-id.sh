# pulse-metrics: a payment of user 7.0 right after a call of user 7 is one
# user's; taken as raw bytes it was two users and the payment counted 0,
# exit 0.  A number id that is not written as an integer is a bad record.
echo '{"metrics":[{"name":"paid","event":"pay","after":["call"]}]}' >defs.json
printf '%s\n' '{"user_id":7,"event":"call","ts":"2025-03-01T10:00:00Z"}' \
	'{"user_id":7.0,"event":"pay","ts":"2025-03-01T11:00:00Z"}' \
	'{"user_id":8,"event":"call","ts":"2025-03-01T10:00:00Z"}' \
	'{"user_id":8,"event":"pay","ts":"2025-03-01T11:00:00Z"}' >in.ndjson
pulse-metrics --defs defs.json --on-error=skip in.ndjson
pulse-metrics --defs defs.json --sorted in.ndjson
