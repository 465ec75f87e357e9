# pulse-alert over pulse-daily's archive (generated events with a broken
# day) against the fake Bot API: the four alerts of the day are posted,
# each text then its metric's chart (a PNG; none for a silent source), and
# written to the ledger; a second run sends nothing; --as-of (the day so
# far) finds the same metrics and days in the ledger and sends nothing
# either; a new day's alert is sent alone; the token is never printed
. "$ROOT/tests/telegram/fake-env.sh"
pulse-gen events --users 4000 --days 70 --as-of 2026-01-21T00:00:00Z --expected ev.ndjson -o /dev/null
jq -c 'select(((.event == "Назначение ВУ") and .ts >= "2026-01-13T21:00:00Z" and .ts < "2026-01-14T21:00:00Z")
	or (.event == "payment" and .ts >= "2026-01-13T09:00:00Z" and .ts < "2026-01-14T21:00:00Z") | not)' \
	ev.ndjson > broken.ndjson
mkdir -p st/events
zstd -q -c broken.ndjson > st/events/20260121T071500Z-1.ndjson.zst
a=(--state-dir st --chat-id -1001234 --defs "$ROOT/tests/e2e/metrics/alert-defs.json"
	--tz Europe/Moscow --lang en)
fake_start
pulse-alert "${a[@]}" --day 2026-01-14 > out 2> err
echo "exit $?"
jq -c '[.n, (.path | sub(".*/"; "")), .status, (.body.text // .fields.caption | split("\n")[0]), .fields.photo.png]' fake.log
echo "-- the ledger"
cat st/alerts.sent
echo "-- again: nothing sent"
: > fake.log
pulse-alert "${a[@]}" --day 2026-01-14 -v 2>&1 | sed 's/^/  /'
wc -l < fake.log
echo "-- --as-of 2026-01-14T15:00 (Moscow): the day before and the day so far, all sent before"
pulse-alert "${a[@]}" --as-of 2026-01-14T12:00:00Z -v 2>&1 | sed 's/^/  /'
wc -l < fake.log
echo "-- the 15th up to 00:30: the payments source still silent (a new day), sent alone"
pulse-alert "${a[@]}" --as-of 2026-01-14T21:30:00Z > out2
echo "exit $?"
jq -c '[.n, (.path | sub(".*/"; "")), .status, (.body.text | split("\n"))]' fake.log
tail -n 1 st/alerts.sent
echo "-- the token"
cat out err out2 st/alerts.sent | grep -cF "$TELEGRAM_BOT_TOKEN" || true
