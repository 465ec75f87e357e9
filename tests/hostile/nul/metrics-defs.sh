# pulse-metrics --defs: a NUL inside a name cut it ("A\u0000C" became "A":
# events "A" were counted, events "A\u0000C" never, exit 0); a definitions
# file with a NUL in a string is exit 65 naming the file and the place
echo '{"metrics":[{"name":"m","event":"A\u0000C","after":["A\u0000B"]}]}' >defs.json
printf '%s\n' '{"user_id":1,"event":"A\u0000B","ts":"2025-03-01T10:00:00Z"}' \
	'{"user_id":1,"event":"A\u0000C","ts":"2025-03-01T11:00:00Z"}' \
	'{"user_id":2,"event":"A","ts":"2025-03-01T10:00:00Z"}' \
	'{"user_id":2,"event":"A","ts":"2025-03-01T11:00:00Z"}' >in.ndjson
pulse-metrics --defs defs.json in.ndjson
