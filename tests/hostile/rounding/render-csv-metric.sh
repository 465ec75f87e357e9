# metric records carry mean_7d in full precision (12.428571428571429, not
# 12.43): csv shows it as pulse-metrics once wrote it, two decimals, no
# trailing zeros
{
echo '{"kind":"metric","name":"m","day":"2025-03-08","value":3,"prev_day":2,"week_ago":3,"mean_7d":12.428571428571429}'
echo '{"kind":"metric","name":"m","day":"2025-03-09","value":3,"prev_day":3,"week_ago":1,"mean_7d":12.5}'
echo '{"kind":"metric","name":"m","day":"2025-03-10","value":3,"prev_day":3,"week_ago":1,"mean_7d":2.857142857142857}'
echo '{"kind":"metric","name":"m","day":"2025-03-11","value":3,"prev_day":3,"week_ago":1,"mean_7d":3}'
} > m.ndjson
pulse-render --format csv m.ndjson | tr '\r' '^'
