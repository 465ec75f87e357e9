# pulse-sankey: the same range as every program (years 0001 to 9999);
# year 0000 is refused by name, and a time in 9999 is kept
printf '%s\n' '{"user_id":1,"event":"a","ts":"9999-12-31T23:00:00Z"}' \
	'{"user_id":1,"event":"b","ts":"9999-12-31T23:59:59Z"}' \
	'{"user_id":2,"event":"a","ts":"0000-12-31T00:00:00Z"}' >in.ndjson
pulse-sankey --on-error=skip in.ndjson
pulse-sankey in.ndjson
