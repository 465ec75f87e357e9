# csv of metric records: a mean_7d that is a string, a value that is not a
# count were written as they came; now they are named bad records,
# skipped and counted here
{
echo '{"kind":"metric","name":"m","day":"2025-03-01","value":3,"prev_day":null,"week_ago":null,"mean_7d":null}'
echo '{"kind":"metric","name":"m","day":"2025-03-08","value":3,"prev_day":2,"week_ago":3,"mean_7d":"2.14"}'
echo '{"kind":"metric","name":"m","day":"2025-03-09","value":-3,"prev_day":3,"week_ago":1,"mean_7d":2}'
} > m.ndjson
pulse-render --format csv --on-error=skip m.ndjson
