# A record that is not a usable event is a bad record: fail (exit 65,
# nothing written), skip or quarantine it; a skipped one leaves no trace,
# not even in the range of days (line 3 is in 2030).
echo '{"metrics":[{"name":"v","event":"V","after":["L"]}]}' > defs.json
cat > in.ndjson <<'J'
{"user_id":1,"ts":"2025-03-01T10:00:00Z","event":"L"}
{"user_id":1,"ts":"2025-03-01T10:30:00Z","event":"X","kind":"payment"}
{"user_id":1,"ts":"2030-03-01T10:30:00Z","event":["V"]}
{"user_id":1,"ts":"2025-03-01 11:00:00","event":"V"}
{"user_id":1,"ts":"2025-03-01T10:45:00Q","event":"X"}
{"user_id":1,"ts":"9999-12-31T23:59:59-00:01","event":"X"}
{"user_id":null,"ts":"2025-03-02T10:45:00Z","event":"X"}
[1,2]
J
echo '# fail'
pulse-metrics --defs defs.json in.ndjson > out 2> err || echo "exit $?"
cat out err
echo '# skip'
pulse-metrics --defs defs.json --on-error=skip in.ndjson 2> err
cat err
echo '# quarantine'
pulse-metrics --defs defs.json --on-error=quarantine:bad.ndjson in.ndjson 2> err > /dev/null
cat err bad.ndjson
