# pulse-sankey: user_id 7 written 7.0 or 7e0 is the same number; taken as
# raw bytes it made a second user (a wrong link, exit 0).  A number id that
# is not written as an integer is a bad record.
printf '%s\n' '{"user_id":7,"event":"a","ts":"2025-03-01T10:00:00Z"}' \
	'{"user_id":7.0,"event":"b","ts":"2025-03-01T11:00:00Z"}' \
	'{"user_id":7,"event":"c","ts":"2025-03-01T12:00:00Z"}' \
	'{"user_id":7e0,"event":"d","ts":"2025-03-01T13:00:00Z"}' \
	'{"user_id":-0,"event":"d","ts":"2025-03-01T13:00:00Z"}' >in.ndjson
pulse-sankey --on-error=skip in.ndjson
pulse-sankey in.ndjson
