# pulse-tally --by 'day(ts)': a time with a NUL inside is refused, and the
# message shows the whole value, escaped (it showed '2025-01-01', a date
# that parses, cut at the NUL)
printf '%s\n' '{"ts":"2025-01-01\u00002020-01-01"}' '{"ts":"2025-01-01T00:00:00Z"}' >in.ndjson
pulse-tally --by 'day(ts)' in.ndjson
