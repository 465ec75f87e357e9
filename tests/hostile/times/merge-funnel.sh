# pulse-merge: a funnel month or period of the year 0000, which
# pulse-funnel never writes (the years 0001 to 9999), was merged and
# written back; it is a bad record now.
G='"kind":"funnel","group":{},"partial":true'
printf '%s\n' \
	"{$G,\"table\":\"top_sources\",\"month\":\"0000-12\",\"source\":\"x\",\"leads\":1,\"first_month\":\"0000-12\"}" \
	"{$G,\"table\":\"dynamics\",\"period\":\"0000-Q4\",\"period_type\":\"quarter\",\"leads\":1,\"qualified\":0,\"won\":0,\"revenue\":{}}" \
	"{$G,\"table\":\"dynamics\",\"period\":\"0001-Q1\",\"period_type\":\"quarter\",\"leads\":1,\"qualified\":0,\"won\":0,\"revenue\":{}}" >in.ndjson
pulse-merge --on-error=skip in.ndjson
