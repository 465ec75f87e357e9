# stage order: by where stages come in the histories (rows of equal time by
# history_id, not by input order), success then failure last; --stages
# puts the named ones first
cat > in.ndjson <<'R'
{"kind":"lead","id":"1","created":"2024-01-10T10:00:00Z","status":"IN_PROCESS","semantic":"P"}
{"kind":"stage","entity":"lead","id":"1","ts":"2024-01-10T10:00:00Z","stage":"IN_PROCESS","semantic":"P","history_id":"12"}
{"kind":"stage","entity":"lead","id":"1","ts":"2024-01-10T10:00:00Z","stage":"NEW","semantic":"P","history_id":"11"}
{"kind":"lead","id":"2","created":"2024-01-11T10:00:00Z","status":"JUNK","semantic":"F"}
{"kind":"stage","entity":"lead","id":"2","ts":"2024-01-11T10:00:00Z","stage":"NEW","semantic":"P","history_id":"13"}
{"kind":"stage","entity":"lead","id":"2","ts":"2024-01-11T11:00:00Z","stage":"JUNK","semantic":"F","history_id":"14"}
{"kind":"lead","id":"3","created":"2024-01-12T10:00:00Z","status":"CONVERTED","semantic":"S"}
{"kind":"stage","entity":"lead","id":"3","ts":"2024-01-12T10:00:00Z","stage":"NEW","semantic":"P","history_id":15}
{"kind":"stage","entity":"lead","id":"3","ts":"2024-01-12T11:00:00Z","stage":"UC_CALLED","semantic":"P","history_id":16}
{"kind":"stage","entity":"lead","id":"3","ts":"2024-01-12T12:00:00Z","stage":"IN_PROCESS","semantic":"P","history_id":17}
{"kind":"stage","entity":"lead","id":"3","ts":"2024-01-12T13:00:00Z","stage":"CONVERTED","semantic":"S","history_id":18}
R
pulse-funnel in.ndjson | jq -r 'select(.table == "stages") | [.position, .stage, .reached, .from_previous] | @tsv'
echo "--- --stages"
pulse-funnel --stages IN_PROCESS,UC_CALLED in.ndjson | jq -r 'select(.table == "stages") | [.position, .stage, .reached, .from_previous] | @tsv'
