# pulse-alert and delivery: an alert the API did not take (500 after
# --max-tries) is exit 75 and left out of the ledger, so the next run sends
# it; one the API refused (400) is exit 69; --dry-run needs no token and
# writes no ledger; --every runs rounds until SIGTERM (exit 0), each
# judging yesterday and today so far (the sample's sources are long silent:
# four alerts), sending each alert once; a second run while one holds the
# lock is exit 75
. "$ROOT/tests/telegram/fake-env.sh"
cat > ev.ndjson <<'J'
{"kind":"event","user_id":1,"ts":"2026-01-01T10:00:00Z","event":"pay"}
{"kind":"event","user_id":1,"ts":"2026-01-08T10:00:00Z","event":"pay"}
{"kind":"event","user_id":2,"ts":"2026-01-14T10:00:00Z","event":"visit"}
J
echo '{"metrics":[{"name":"pays","event":"pay","alert":{"weeks":2}}],"silent":[{"name":"src","hours":48}]}' > defs.json
mkdir -p st/events
zstd -q -c ev.ndjson > st/events/1.ndjson.zst
A=(--state-dir st --chat-id 42 --defs defs.json --lang en --day 2026-01-15)
echo "-- --dry-run, no token"
env -u TELEGRAM_BOT_TOKEN pulse-alert "${A[@]}" --dry-run | sed 's|photo=[^ ]*|photo=CHART|; s/ {.*"text":"/ /; s/\\n.*//'
[ ! -e st/alerts.sent ] && echo "no ledger"
echo "-- 500 until --max-tries"
fake_start '500*'
set +e
pulse-alert "${A[@]}" --max-tries 2 --backoff 0.05 2> err
echo "exit $?"
set -e
grep -c 'not delivered' err
[ ! -s st/alerts.sent ] && echo "nothing in the ledger"
echo "-- 400: refused"
fake_start '400*'
set +e
pulse-alert "${A[@]}" 2> err
echo "exit $?"
set -e
echo "-- the API is back: sent now"
fake_start
pulse-alert "${A[@]}"
echo "exit $?"
jq -c '[.n, (.path | sub(".*/"; "")), .status]' fake.log
cat st/alerts.sent
echo "-- --every 1s: rounds until SIGTERM, each alert once"
rm st/alerts.sent
fake_start
S=$SAMPLES
pulse-alert --state-dir st --chat-id 42 --defs "$S/sales-metrics.json" --lang en --source events --every 1s -v \
	-- --dict "$S/sales-dict.csv" --payments "$S/sales-small-payments.csv" "$S/sales-small-events.csv" 2> every.err &
pid=$!
for i in $(seq 100); do
	[ "$(grep -c 'alerts, ' every.err || true)" -ge 2 ] && break
	sleep 0.1
done
kill -TERM $pid
rc=0
wait $pid || rc=$?
echo "exit $rc"
echo "later rounds that sent something: $(grep 'alerts, ' every.err | tail -n +2 | grep -vc ' 0 sent now' || true)"
jq -r '.body.text // empty | split("\n")[0]' fake.log | sort | uniq -c | sed 's/^ *//'
echo "-- the lock"
exec 8> st/alert.lock
flock 8
set +e
pulse-alert "${A[@]}" 2> err
echo "exit $?"
set -e
cat err
