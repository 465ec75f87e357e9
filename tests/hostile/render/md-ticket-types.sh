# ticket records whose numbers break the contract: a negative n_messages
# (it became 18446744073709551615 messages), negative days waiting, first
# response hours that are negative or not finite: each a named bad record,
# skipped and counted here
{
echo '{"kind":"ticket","ticket_id":1,"state":"closed","category":"SPAM","n_messages":3}'
echo '{"kind":"ticket","ticket_id":2,"state":"closed","category":"SPAM","n_messages":-4}'
echo '{"kind":"ticket","ticket_id":3,"state":"open","category":"NO_RESPONSE","days_waiting":-3}'
echo '{"kind":"ticket","ticket_id":4,"state":"closed","category":"SPAM","first_response_hours":-2}'
echo '{"kind":"ticket","ticket_id":5,"state":"closed","category":"SPAM","first_response_hours":1e400}'
} > t.ndjson
pulse-render --on-error=skip t.ndjson | grep -E '^\*\*Source|^\| Median'
