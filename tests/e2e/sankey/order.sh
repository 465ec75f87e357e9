# Links of a step come by value descending, then from, then to, comparing
# the names' UTF-8 bytes: "Z" < "a" < "Б" < "Я".  "\u042f" is "Я".
cat > in.ndjson <<'J'
{"user_id":1,"ts":"2025-03-01T10:00:00Z","event":"Я"}
{"user_id":1,"ts":"2025-03-01T11:00:00Z","event":"a"}
{"user_id":2,"ts":"2025-03-01T10:00:00Z","event":"\u042f"}
{"user_id":2,"ts":"2025-03-01T11:00:00Z","event":"a"}
{"user_id":3,"ts":"2025-03-01T10:00:00Z","event":"Z"}
{"user_id":3,"ts":"2025-03-01T11:00:00Z","event":"Б"}
{"user_id":4,"ts":"2025-03-01T10:00:00Z","event":"a"}
{"user_id":4,"ts":"2025-03-01T11:00:00Z","event":"Z"}
{"user_id":5,"ts":"2025-03-01T10:00:00Z","event":"a"}
{"user_id":5,"ts":"2025-03-01T11:00:00Z","event":"Б"}
{"user_id":6,"ts":"2025-03-01T10:00:00Z","event":"Б"}
{"user_id":6,"ts":"2025-03-01T11:00:00Z","event":"Я"}
{"user_id":7,"ts":"2025-03-01T10:00:00Z","event":"Б"}
{"user_id":7,"ts":"2025-03-01T11:00:00Z","event":"Я"}
J
pulse-sankey in.ndjson
