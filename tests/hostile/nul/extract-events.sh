# pulse-extract events: a NUL inside a value is kept (written \u0000), never
# an end: a user_id "7\u00002020-01-01T00:00:00Z" used to become user 7
# at a made-up time, a raw NUL in a CSV field exited 70 even with
# --on-error=skip, and the dictionary names A\0B and A\0C both became A
printf 'id,name\n1,visit\n2,A\0B\n3,A\0C\n' >dict.csv
printf '{"id":1,"user_id":"7\\u00002020-01-01T00:00:00Z","event_id":1,"created_at":"2025-12-31 10:20:03+00"}\n' >ev.ndjson
pulse-extract events --dict dict.csv ev.ndjson
echo '# a raw NUL in a CSV user_id, and the two names'
printf 'id,user_id,event_id,created_at\n1,8\0x,2,2025-12-31 10:21:03+00\n2,9,3,2025-12-31 10:22:03+00\n' >ev.csv
pulse-extract events --dict dict.csv --on-error=skip ev.csv
echo '# a NUL in created_at is not a time: a bad row, skipped and counted'
printf 'id,user_id,event_id,created_at\n1,8,1,2025-12-31 10:21:03\0+00\n2,9,1,2025-12-31 10:22:03+00\n' >ts.csv
pulse-extract events --dict dict.csv --on-error=skip ts.csv
