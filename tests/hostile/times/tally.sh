# pulse-tally --by 'day(ts)': a time whose digits are fine but whose instant
# is outside the years 0001 to 9999 is refused (it used to become
# 9999-01-01 or 0000-01-01 with exit 0)
printf '%s\n' '{"ts":"2025-12-31T10:00:00Z"}' '{"ts":"9999-12-31T23:59:59-23:59"}' \
	'{"ts":"0000-01-01T00:00:00Z"}' '{"ts":"9999-12-31T23:59:59+23:59"}' >in.ndjson
pulse-tally --by 'day(ts)' --on-error=skip in.ndjson
pulse-tally --by 'week(ts)' in.ndjson
