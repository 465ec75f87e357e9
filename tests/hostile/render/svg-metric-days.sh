# metric records of 0001-01-01 and 9999-12-31: a chart of 3 652 059 day
# slots, each 0.0002 px wide, with exit 0; now the span is named and the
# run fails (65): a chart shows at most 3660 days
printf '%s\n' '{"kind":"metric","name":"m","day":"0001-01-01","value":1}' \
	'{"kind":"metric","name":"m","day":"9999-12-31","value":2}' > m.ndjson
pulse-render --format svg m.ndjson
