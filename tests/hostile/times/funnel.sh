# pulse-funnel: a lead created after 9999-12-31 in UTC
printf '%s\n' '{"kind":"lead","id":"1","status":"NEW","semantic":"P","created":"9999-12-31T23:30:00-01:00","modified":null}' >in.ndjson
pulse-funnel --as-of 2026-01-01T00:00:00Z in.ndjson
