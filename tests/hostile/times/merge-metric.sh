# pulse-merge: a metric day of the year 0000, which pulse-metrics never
# writes (its times are the years 0001 to 9999), was merged and written
# back; it is a bad record now.
printf '%s\n' '{"kind":"metric","name":"m","day":"0000-12-31","value":1,"partial":true}' \
	'{"kind":"metric","name":"m","day":"0001-01-01","value":2,"partial":true}' >in.ndjson
pulse-merge --partial in.ndjson
