# pulse-metrics: a time past 9999-12-31 in UTC is refused, not wrapped
echo '{"metrics":[{"name":"v","event":"V"}]}' >defs.json
printf '%s\n' '{"user_id":1,"event":"V","ts":"2025-03-01T10:00:00Z"}' \
	'{"user_id":1,"event":"V","ts":"9999-12-31T20:00:00-05:00"}' >in.ndjson
pulse-metrics --defs defs.json in.ndjson
