# the dashboard draws funnel records: a ticket and a metric record among
# them are counted on stderr by kind, not dropped without a word
{
echo '{"kind":"funnel","table":"dynamics","group":{},"period":"2024-01","period_type":"month","leads":3,"qualified":1,"won":0,"revenue":{}}'
echo '{"kind":"ticket","ticket_id":1,"state":"closed","category":"SPAM"}'
echo '{"kind":"metric","name":"m","day":"2025-03-01","value":3}'
} | pulse-render --format html | grep -c '"kind":"funnel"'
