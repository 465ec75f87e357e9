# pulse-extract events: a NUL inside a value is kept and written escaped;
# it used to cut the value: a \u0000 in an NDJSON user_id made up a user and
# a time (exit 0), a raw NUL in a CSV field exited 70, and the dictionary
# names A<NUL>B and A<NUL>C both became A
printf 'id,name\n1,visit\n' >dict.csv
printf '%s\n' '{"id":1,"user_id":"7\u00002020-01-01T00:00:00Z","event_id":1,"created_at":"2025-12-31 10:20:03+00"}' >ev.ndjson
pulse-extract events --dict dict.csv ev.ndjson
printf 'id,user_id,event_id,created_at\n1,7\0002,1,2025-12-31 10:20:03+00\n' >ev.csv
pulse-extract events --dict dict.csv --on-error=skip ev.csv
printf 'id,name\n1,A\000B\n2,A\000C\n' >dict2.csv
printf 'id,user_id,event_id,created_at\n1,7,1,2025-12-31 10:20:03+00\n2,7,2,2025-12-31 10:20:04+00\n' >ev2.csv
pulse-extract events --dict dict2.csv ev2.csv
