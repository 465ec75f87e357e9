# svg of ticket records, which it cannot draw: not a "No data." chart with
# exit 0, but the records named as ignored and exit 65, nothing written
echo '{"kind":"ticket","ticket_id":1,"state":"open","category":"NO_RESPONSE","priority":"urgent","days_waiting":0}' > t.ndjson
echo '{"kind":"ticket","ticket_id":2,"state":"closed","category":"SPAM"}' >> t.ndjson
pulse-render --format svg -o chart.svg t.ndjson || st=$?
test ! -e chart.svg && echo "no chart.svg"
exit ${st:-0}
