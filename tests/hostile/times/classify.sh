# pulse-classify: a message time outside the years 0001 to 9999
printf '%s\n' '{"kind":"message","ticket_id":1,"message_id":1,"ts":"0000-02-29T09:00:00Z","direction":"in","email":"a@b.example","subject":"x","text":"x"}' >in.ndjson
pulse-classify --as-of 2026-01-21T18:00:00Z in.ndjson
