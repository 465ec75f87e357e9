# pulse-funnel: sources and managers that differ after a NUL are two groups
printf '%s\n' '{"kind":"lead","id":"1","title":"t","status":"NEW","semantic":"P","source":"S","manager":"M\u0000a","created":"2026-01-02T10:00:00Z","modified":null,"utm_source":"u\u0000s"}' \
	'{"kind":"lead","id":"2","title":"t","status":"NEW","semantic":"P","source":"S","manager":"M\u0000b","created":"2026-01-02T10:00:00Z","modified":null,"utm_source":"u\u0000t"}' >leads.ndjson
pulse-funnel --as-of 2026-01-10T00:00:00Z leads.ndjson | jq -c 'select(.table == "sources") | [.source, .leads]'
pulse-funnel --as-of 2026-01-10T00:00:00Z --by manager leads.ndjson | jq -c 'select(.table == "stages") | [.group.manager, .total]' | sort -u
