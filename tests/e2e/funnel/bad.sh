# bad records name the file, the line and the field; --on-error=skip goes on
cat > in.ndjson <<'R'
{"kind":"lead","id":"1","created":"2024-01-10T10:00:00Z","status":"NEW","manager":"Anna"}
{"kind":"deal","id":"2","created":"2024-01-10T10:00:00Z","status":"WON","semantic":"S","amount":"12,5","currency":"RUB"}
{"kind":"deal","id":"3","created":"2024-01-10T10:00:00Z","status":"WON","semantic":"S","amount":"0.0000000001","currency":"RUB"}
{"kind":"lead","id":"4","status":"NEW"}
{"kind":"lead","id":"5","created":"yesterday"}
{"kind":"lead","created":"2024-01-10T10:00:00Z"}
{"kind":"lead","id":"6","created":"2024-01-10T10:00:00Z","semantic":"X"}
{"kind":"lead","id":["7"],"created":"2024-01-10T10:00:00Z"}
{"kind":"stage","entity":"contact","id":"1","ts":"2024-01-10T10:00:00Z","stage":"NEW"}
{"kind":"stage","entity":"lead","id":"1","stage":"NEW"}
{"kind":"stage","entity":"lead","id":"1","ts":"2024-01-10T10:00:00Z"}
{"kind":"deal","id":"8","created":"2024-01-10T10:00:00Z","status":"WON","semantic":"S","amount":1500,"currency":"RUB"}
R
set +e
pulse-funnel in.ndjson > out 2> err
echo "fail: exit $?"
cat err
pulse-funnel --on-error=skip in.ndjson > out 2> err
echo "skip: exit $?"
set -e
cat err
jq -c 'select(.table == "managers")' out
