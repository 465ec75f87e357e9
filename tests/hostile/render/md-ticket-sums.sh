# n_messages of tickets that add up past 2^64: the report said "0
# messages" (the sum wrapped around); now the ticket that overflows the
# total is a named bad record, 65
{
echo '{"kind":"ticket","ticket_id":1,"state":"closed","category":"SPAM","n_messages":9223372036854775807}'
echo '{"kind":"ticket","ticket_id":2,"state":"closed","category":"SPAM","n_messages":9223372036854775807}'
echo '{"kind":"ticket","ticket_id":3,"state":"closed","category":"SPAM","n_messages":2}'
} > t.ndjson
pulse-render t.ndjson
