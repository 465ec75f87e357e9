# --sort-by count: most first, ties by key; --sort-by key: jq's order
# (null < false < true < numbers by value < strings by bytes)
cat > in.ndjson <<'J'
{"k":"b"}
{"k":10}
{"k":"a"}
{"k":"b"}
{"k":9}
{"k":null}
{"k":"a b"}
{"k":true}
{"k":"a"}
{"k":false}
{"k":"B"}
J
pulse-tally --by k --sort-by count in.ndjson
echo "-- key"
pulse-tally --by k --sort-by key in.ndjson
