# an unparseable time is a bad record: fail (exit 65, nothing on stdout),
# skip, or quarantine it; the message names the file, line and field
cat > in.ndjson <<'J'
{"created":"2026-01-01T10:00:00Z"}
{"created":"yesterday"}
{"created":"2026-01-02T10:00:00Z"}
{"created":42}
J
if pulse-tally --by 'day(created)' in.ndjson > out 2> err; then echo "no failure?"; else echo "fail: exit $?"; fi
cat out err
echo "-- skip"
pulse-tally --by 'day(created)' --on-error=skip in.ndjson 2> err
cat err
echo "-- quarantine"
pulse-tally --by 'day(created)' --on-error=quarantine:bad.ndjson in.ndjson 2> err
cat err bad.ndjson
