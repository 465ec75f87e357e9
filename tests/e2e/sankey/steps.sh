# --steps N keeps each user's first N events in time order: links of steps
# 1 .. N-1.  An early event that arrives last still pushes the latest kept
# one out (user 5: B 10:00, C 11:00, then A 09:00 -> A, B with --steps 2).
ev="$ROOT/tests/e2e/sankey/events.ndjson"
cat "$ev" - > in.ndjson <<'J'
{"user_id":5,"ts":"2025-03-01T10:00:00Z","event":"B"}
{"user_id":5,"ts":"2025-03-01T11:00:00Z","event":"C"}
{"user_id":5,"ts":"2025-03-01T09:00:00Z","event":"A"}
J
echo "-- steps 2"
pulse-sankey --steps 2 in.ndjson
echo "-- steps 3"
pulse-sankey --steps=3 in.ndjson
echo "-- default 7 = steps 255 here"
pulse-sankey in.ndjson > a
pulse-sankey --steps 255 in.ndjson > b
cmp a b && cat a
