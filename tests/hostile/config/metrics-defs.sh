# pulse-metrics --defs: a byte order mark and CRLF line ends (Notepad) are
# accepted (a BOM was 65 with an invisible character in the message); a
# file that is empty, or holds "metrics" twice (the first list was
# dropped), is exit 65 naming the file
printf '\357\273\277{"metrics":[\r\n {"name":"v","event":"visit"}\r\n]}\r\n' >bom.json
echo '{"user_id":1,"event":"visit","ts":"2025-03-01T10:00:00Z"}' >in.ndjson
pulse-metrics --defs bom.json in.ndjson
: >empty.json
pulse-metrics --defs empty.json in.ndjson || echo "exit $?"
printf '\357\273\277 \r\n' >blank.json
pulse-metrics --defs blank.json in.ndjson || echo "exit $?"
echo '{"metrics":[{"name":"v","event":"visit"}],"metrics":[{"name":"w","event":"x"}]}' >twice.json
pulse-metrics --defs twice.json in.ndjson
