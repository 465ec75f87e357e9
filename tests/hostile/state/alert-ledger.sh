# pulse-alert's ledger as people and accidents leave it: CRLF line ends (an
# editor) still match, so nothing is sent twice; a last line without its
# newline gets one before the next key (not glued to it); a ledger that is
# a directory is exit 66 naming it, before anything is sent; one that
# cannot be written is exit 73 after the text went, saying the alert may
# be sent again
. "$ROOT/tests/telegram/fake-env.sh"
cat > ev.ndjson <<'J'
{"kind":"event","user_id":1,"ts":"2026-01-01T10:00:00Z","event":"pay"}
{"kind":"event","user_id":1,"ts":"2026-01-08T10:00:00Z","event":"pay"}
{"kind":"event","user_id":2,"ts":"2026-01-14T10:00:00Z","event":"visit"}
J
echo '{"metrics":[{"name":"pays","event":"pay","alert":{"weeks":2}},{"name":"visits","event":"visit","alert":{"weeks":1}}]}' > defs.json
mkdir -p st/events
zstd -q -c ev.ndjson > st/events/1.ndjson.zst
A=(--state-dir st --chat-id 42 --defs defs.json --lang en)
fake_start
echo "-- CRLF"
printf '["pays","2026-01-15"]\r\n' > st/alerts.sent
pulse-alert "${A[@]}" --day 2026-01-15
echo "exit $?, sent: $(wc -l < fake.log)"
echo "-- no newline at the end"
printf '["x","2026-01-01"]' > st/alerts.sent
pulse-alert "${A[@]}" --day 2026-01-15
echo "exit $?, sent: $(wc -l < fake.log)"
cat st/alerts.sent
echo "-- a directory"
rm st/alerts.sent
mkdir st/alerts.sent
: > fake.log
set +e
pulse-alert "${A[@]}" --day 2026-01-15
echo "exit $?, sent: $(wc -l < fake.log)"
rmdir st/alerts.sent
echo "-- cannot be written (a link into a directory that is not there)"
ln -s "$PWD/gone/alerts.sent" st/alerts.sent
pulse-alert "${A[@]}" --day 2026-01-15
echo "exit $?, sent: $(wc -l < fake.log)"
