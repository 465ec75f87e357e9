# metric records are counts of users: a value of 2.5, a negative value, a
# negative mean were drawn as they came (a mean of "1.5" was refused);
# now each is a named bad record (skipped here: the chart has the one
# good day)
{
echo '{"kind":"metric","name":"m","day":"2025-03-01","value":3,"prev_day":null,"week_ago":null,"mean_7d":null}'
echo '{"kind":"metric","name":"m","day":"2025-03-02","value":2.5,"prev_day":3,"week_ago":null,"mean_7d":null}'
echo '{"kind":"metric","name":"m","day":"2025-03-03","value":-4,"prev_day":3,"week_ago":null,"mean_7d":null}'
echo '{"kind":"metric","name":"m","day":"2025-03-04","value":4,"prev_day":3,"week_ago":null,"mean_7d":"1.5"}'
echo '{"kind":"metric","name":"m","day":"2025-03-05","value":4,"prev_day":3,"week_ago":null,"mean_7d":-1}'
} > m.ndjson
pulse-render --format svg --on-error=skip m.ndjson | grep -o '<title>[^<]*</title>'
