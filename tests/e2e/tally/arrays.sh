# an array field counts the record once per element (topic shares);
# an empty array counts as absent (key null); two array fields: every pair
cat > in.ndjson <<'J'
{"topics":["no_dates","voucher"],"tags":["x"]}
{"topics":["voucher"],"tags":["x","y"]}
{"topics":[],"tags":"z"}
{"topics":["other"]}
{"topics":["voucher","no_dates"],"tags":[]}
J
pulse-tally --by topics in.ndjson
echo "--"
pulse-tally --by topics,tags in.ndjson
