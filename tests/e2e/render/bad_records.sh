# a ticket record that breaks the contract is bad: "file:line: reason",
# exit 65 with --on-error=fail (nothing written), else skipped and counted
cat > in.ndjson <<'J'
{"kind":"ticket","ticket_id":1,"state":"open","category":"NO_RESPONSE","priority":"urgent","days_waiting":0,"created":"2026-01-20T10:00:00Z"}
{"kind":"ticket","ticket_id":2,"state":"open","category":"SPAM"}
{"kind":"ticket","ticket_id":3,"state":"closed","category":"NOPE"}
{"kind":"ticket","state":"closed","category":"SPAM"}
{"kind":"ticket","ticket_id":"5","state":"closed","category":"SPAM"}
{"kind":"ticket","ticket_id":6,"state":"closed","category":"SPAM","created":"last week"}
{"kind":"ticket","ticket_id":7,"state":"open","category":"NO_RESPONSE","days_waiting":1.5}
{"kind":"ticket","ticket_id":8,"state":"closed","category":"SPAM","topics":"spam"}
{"kind":"ticket","ticket_id":9,"state":"closed","category":"SPAM","first_response_hours":"2"}
{"kind":"ticket","ticket_id":10,"state":"closed","category":"SPAM","priority":"urgent!"}
not json
{"kind":"ticket","ticket_id":12,"state":"closed","category":"SPAM","created":"2026-01-19T10:00:00Z"}
J
set +e
pulse-render in.ndjson > out 2> err
echo "fail: exit $?"
set -e
wc -c < out
cat err
echo "-- skip"
pulse-render --on-error=skip in.ndjson 2> err | grep -E '^\*\*Source|^\| (NO_RESPONSE|\*\*SPAM)'
cat err
