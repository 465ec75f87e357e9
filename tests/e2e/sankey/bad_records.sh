# A record that is not a usable event is a bad record: fail (exit 65,
# nothing written), skip, or quarantine it; the message names the file,
# the line and what is wrong.  A bad record leaves no trace (user 9).
cat > in.ndjson <<'J'
{"kind":"event","user_id":1,"ts":"2025-03-01T10:00:00Z","event":"A"}
{"kind":"event","ts":"2025-03-01T10:00:00Z","event":"A"}
{"kind":"event","user_id":1,"ts":"2025-03-01T11:00:00Z","event":"B"}
{"kind":"ticket","user_id":1,"ts":"2025-03-01T11:00:00Z","event":"B"}
{"kind":"event","user_id":9,"ts":"March 1st","event":"A"}
{"kind":"event","user_id":9,"ts":"2025-03-01T11:00:00Z","event":7}
{"kind":"event","user_id":true,"ts":"2025-03-01T11:00:00Z","event":"B"}
not json
{"kind":"event","user_id":9,"ts":"2025-03-01T12:00:00Z","event":"C"}
J
echo '# fail'
pulse-sankey in.ndjson > out 2>err || echo "exit $?"
cat out err
echo '# skip'
pulse-sankey --on-error=skip in.ndjson 2>err
cat err
echo '# quarantine'
pulse-sankey --on-error=quarantine:bad.ndjson in.ndjson 2>err
cat err bad.ndjson
