# link and metric records that break their contract are bad records:
# "file:line: reason", exit 65, or skipped with --on-error=skip; a chart
# ignores the records of the others, and says how many
cat > in.ndjson <<'J'
{"kind":"link","step":1,"from":"a","to":"b","value":2}
{"kind":"link","step":0,"from":"a","to":"b","value":2}
{"kind":"link","step":1,"from":"a","value":2}
{"kind":"link","step":1,"from":"a","to":"b","value":-1}
{"kind":"link","step":1,"from":7,"to":"b","value":1}
{"kind":"link","step":1.5,"from":"a","to":"b","value":1}
{"kind":"metric","name":"m","day":"2025-03-01","value":1}
{"kind":"metric","day":"2025-03-01","value":1}
{"kind":"metric","name":"m","day":"yesterday","value":1}
{"kind":"metric","name":"m","day":"2025-03-01T10:00:00Z","value":1}
{"kind":"metric","name":"m","day":"2025-03-02"}
{"kind":"metric","name":"m","day":"2025-03-02","value":"7"}
{"kind":"metric","name":"m","day":"2025-03-02","value":1,"prev_day":"6"}
{"kind":"metric","name":"m","title":5,"day":"2025-03-02","value":1}
J
set +e
pulse-render -f svg in.ndjson > out 2> err
echo "fail: exit $?"
set -e
wc -c < out
cat err
echo "-- skip: links (the metric records are not the chart's)"
pulse-render -f svg --chart sankey --on-error=skip in.ndjson 2> err | grep -c '^<path '
cat err
echo "-- skip: metrics (value, prev_day and week_ago are counts)"
echo '{"kind":"metric","name":"m","day":"2025-03-03","value":2.5,"week_ago":-1}' >> in.ndjson
echo '{"kind":"metric","name":"m","day":"2025-03-03","value":2,"week_ago":-1}' >> in.ndjson
pulse-render -f svg --chart metrics --on-error=skip in.ndjson 2> err | grep -c '^<rect .*<title>'
cat err
