# a NUL inside an event name or a user id is kept: "A\u0000B" and
# "A\u0000C" are two names, "7\u0000a" and "7" two users, written back
# escaped; sorted or not
cat >in.ndjson <<'J'
{"user_id":"7\u0000a","event":"A\u0000B","ts":"2025-01-01T00:00:00Z"}
{"user_id":"7\u0000a","event":"A\u0000C","ts":"2025-01-01T00:01:00Z"}
{"user_id":"7","event":"A\u0000B","ts":"2025-01-01T00:02:00Z"}
{"user_id":"7","event":"A","ts":"2025-01-01T00:03:00Z"}
{"user_id":"7\u0000b","event":"A","ts":"2025-01-01T00:04:00Z"}
{"user_id":"7\u0000b","event":"A\u0000C","ts":"2025-01-01T00:05:00Z"}
J
pulse-sankey in.ndjson
echo "-- sorted"
pulse-sankey --sorted in.ndjson
echo "-- required"
pulse-sankey --require A in.ndjson
