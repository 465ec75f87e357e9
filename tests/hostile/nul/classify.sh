# pulse-classify: NULs in a message's sender, author, subject, text and the
# joined ticket fields are kept (escaped) and do not cut what the rules see
printf '%s\n' '{"kind":"message","ticket_id":1,"message_id":1,"ts":"2026-01-20T09:00:00Z","direction":"in","email":"a\u0000b@x.example","author":"Ann\u0000Smith","subject":"Frage\u0000 casino","text":"Hallo\u0000 Welt","ticket_name":"T\u0000N"}' >m.ndjson
pulse-classify --as-of 2026-01-21T18:00:00Z m.ndjson | jq -c '[.email, .name, .subject, .summary, .ticket_name, .category]'
