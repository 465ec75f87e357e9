# telegram of ticket records is the ticket report's digest (pulse-daily
# tickets sends it): a bare ticket record gives one payload, its strings
# escaped; a ticket record that is not one is exit 65 and no payload
echo '{"kind":"ticket","ticket_id":1,"state":"open","category":"CUSTOMER_FOLLOWUP","priority":"critical","days_waiting":0,"name":"<A & B>","excerpt":"Wo ist <mein> Gutschein?"}' |
	pulse-render --format telegram --chat-id 1 | jq -r .text
set +e
echo '{"kind":"ticket","ticket_id":"x","state":"open"}' | pulse-render --format telegram --chat-id 1
echo "exit $?"
