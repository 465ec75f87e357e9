# telegram draws metric records: ticket, link and count records among them
# are counted on stderr by kind, not dropped without a word
{
echo '{"kind":"metric","name":"m","day":"2025-03-01","value":3,"prev_day":2,"week_ago":null,"mean_7d":null}'
echo '{"kind":"ticket","ticket_id":1,"state":"closed","category":"SPAM"}'
echo '{"kind":"link","step":1,"from":"a","to":"b","value":2}'
echo '{"kind":"count","by":["a"],"key":["x"],"count":3}'
echo '{"kind":"ticket","ticket_id":2,"state":"closed","category":"SPAM"}'
} | pulse-render --format telegram --chat-id 1
