# pulse-sankey: event names and user ids that differ after a NUL differ
printf '%s\n' '{"user_id":"u\u00001","event":"A\u0000B","ts":"2026-01-01T00:00:00Z"}' \
	'{"user_id":"u\u00001","event":"A\u0000C","ts":"2026-01-01T00:01:00Z"}' \
	'{"user_id":"u\u00002","event":"A\u0000B","ts":"2026-01-01T00:00:00Z"}' \
	'{"user_id":"u\u00002","event":"A","ts":"2026-01-01T00:01:00Z"}' >ev.ndjson
pulse-sankey ev.ndjson
