# --sum: exact decimal sums; numeric strings count (Bitrix24 writes amounts
# so); null, absent and non-numeric values are counted in sum_skipped
cat > in.ndjson <<'J'
{"m":"a","amount":0.1,"h":1}
{"m":"a","amount":0.2,"h":"2.50"}
{"m":"b","amount":"1500.00","h":null}
{"m":"a","amount":"n/a","h":true}
{"m":"b","amount":-0.05}
{"m":"b","amount":1e2,"h":[1]}
{"m":"a","amount":12345678901234567890.123456789}
J
pulse-tally --by m --sum amount --sum h in.ndjson
echo "-- no --by"
pulse-tally -s amount in.ndjson
echo "-- a field named twice is summed once"
echo '{"a":1.5}' | pulse-tally -s a -s a
