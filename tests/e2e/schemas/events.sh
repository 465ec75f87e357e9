# The event records of pulse-extract events (the same as pulse-extract pg's,
# tests/e2e/extract/pg-default.sh) validate against schemas/event.schema.json,
# and so do naive times, string user ids and a foreign payment name.
PY=python3
[ -x /usr/bin/python3 ] && PY=/usr/bin/python3 # Debian's, with python3-jsonschema
S=$SAMPLES
pulse-extract events --dict "$S/sales-dict.csv" --payments "$S/sales-payments.csv.zst" \
	"$S/sales-events.csv.zst" >events.ndjson
printf 'id,user_id,event_id,created_at\n1,u-1,1,2025-03-01 10:15:00.5\n' >naive.csv
printf 'id,user_id,amount,created_at\n1,007,-12.5e2,2025-03-01 10:15:00+03\n' >pay.csv
pulse-extract events --dict "$S/sales-dict.csv" --payments pay.csv \
	--payment-event 'Оплата' naive.csv >other.ndjson
cat other.ndjson
$PY "$ROOT/tests/schemas/validate.py" "$ROOT/schemas" events.ndjson other.ndjson
echo '{"kind":"event","user_id":1.5,"ts":"2025-03-01","event":"x"}' >bad.ndjson
$PY "$ROOT/tests/schemas/validate.py" "$ROOT/schemas" bad.ndjson || echo "exit $?"
