# pulse-metrics --defs naming a directory: cannot open an input, 66 (was
# 74, a read error)
mkdir defs
echo '{"user_id":1,"event":"visit","ts":"2025-03-01T10:00:00Z"}' >in.ndjson
pulse-metrics --defs defs in.ndjson
