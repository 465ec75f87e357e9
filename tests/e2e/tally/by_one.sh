# --by one field: one count record per group, in order of first appearance
cat > in.ndjson <<'J'
{"kind":"ticket","ticket_id":1,"category":"SPAM"}
{"kind":"ticket","ticket_id":2,"category":"NO_RESPONSE"}
{"kind":"ticket","ticket_id":3,"category":"SPAM"}
{"kind":"ticket","ticket_id":4,"category":"UNCLEAR"}
{"kind":"ticket","ticket_id":5,"category":"SPAM"}
J
pulse-tally --by category in.ndjson
echo "-- stdin, no --by: the total"
pulse-tally < in.ndjson
echo "-- no records at all"
pulse-tally < /dev/null
pulse-tally --by category < /dev/null
