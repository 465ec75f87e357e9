# telegram of alert records that break schemas/alert.schema.json: each is
# a named bad record (skipped and counted with --on-error=skip, the good one
# still rendered), never
# a message with a made-up number
cat > a.ndjson <<'J'
{"kind":"alert","rule":"fell","metric":"m","day":"2026-01-14","until":null,"value":1,"expected":{"mean":2,"min":1,"max":3,"weeks":1},"reason":"r"}
{"kind":"alert","rule":"drop","metric":"","day":"2026-01-14","until":null,"value":1,"expected":{"mean":2,"min":1,"max":3,"weeks":1},"reason":"r"}
{"kind":"alert","rule":"drop","metric":"m","day":"14.01.2026","until":null,"value":1,"expected":{"mean":2,"min":1,"max":3,"weeks":1},"reason":"r"}
{"kind":"alert","rule":"drop","metric":"m","day":"2026-01-14","until":"25:00:00","value":1,"expected":{"mean":2,"min":1,"max":3,"weeks":1},"reason":"r"}
{"kind":"alert","rule":"drop","metric":"m","day":"2026-01-14","until":null,"value":-1,"expected":{"mean":2,"min":1,"max":3,"weeks":1},"reason":"r"}
{"kind":"alert","rule":"drop","metric":"m","day":"2026-01-14","until":null,"value":null,"expected":{"mean":2,"min":1,"max":3,"weeks":1},"reason":"r"}
{"kind":"alert","rule":"drop","metric":"m","day":"2026-01-14","until":null,"value":1,"expected":{"mean":1e999,"min":1,"max":3,"weeks":1},"reason":"r"}
{"kind":"alert","rule":"drop","metric":"m","day":"2026-01-14","until":null,"value":1,"expected":{"mean":2,"min":1.5,"max":3,"weeks":1},"reason":"r"}
{"kind":"alert","rule":"drop","metric":"m","day":"2026-01-14","until":null,"value":1,"expected":{"mean":2},"reason":"r"}
{"kind":"alert","rule":"drop","metric":"m","day":"2026-01-14","until":null,"value":1,"expected":{"mean":2,"min":1,"max":3,"weeks":1,"mode":7},"reason":"r"}
{"kind":"alert","rule":"silent","metric":"s","day":"2026-01-14","until":null,"value":3,"last":null,"expected":[],"reason":"r"}
{"kind":"alert","rule":"silent","metric":"s","day":"2026-01-14","until":null,"value":3,"last":null,"expected":{},"reason":"r"}
{"kind":"alert","rule":"silent","metric":"s","day":"2026-01-14","until":null,"value":3,"last":null,"expected":{"max_hours":2},"reason":"r"}
J
pulse-render -f telegram --chat-id 1 --on-error=skip a.ndjson | jq -r .text
echo "exit ${PIPESTATUS[0]}"
