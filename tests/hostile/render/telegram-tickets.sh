# telegram of ticket records (the daily metrics come from metric records):
# not "No metric records." sent with exit 0, but exit 65 and no payload
echo '{"kind":"ticket","ticket_id":1,"state":"open","category":"NO_RESPONSE","priority":"urgent","days_waiting":0}' |
	pulse-render --format telegram --chat-id 1
