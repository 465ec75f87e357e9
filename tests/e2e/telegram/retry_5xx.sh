# a 5xx answer or a failed connection is retried after --backoff seconds,
# doubled each time, up to --max-tries; then the exit status is 75 and the
# next messages are still tried; a 4xx answer is not retried: exit 69
. "$ROOT/tests/telegram/fake-env.sh"
printf '%s\n' '{"chat_id":1,"text":"one"}' '{"chat_id":1,"text":"two"}' > p.ndjson
echo "-- 500 once, then 200"
fake_start 500
pulse-telegram --backoff 0.1 p.ndjson
echo "exit $?"
jq -c '[.n, .status, .body.text]' fake.log
echo "-- 500 always: 3 tries each, exit 75"
fake_start '500*'
set +e
pulse-telegram --max-tries 3 --backoff 0.05 p.ndjson 2> err
echo "exit $?"
set -e
jq -c '[.n, .status, .body.text]' fake.log
cat err
echo "-- nobody listening: exit 75"
fake_stop
set +e
pulse-telegram --max-tries 2 --backoff 0.05 p.ndjson 2> err
echo "exit $?"
set -e
sed 's/: no answer .*/: no answer (curl says why)/' err
echo "-- a wrong token: 401, not retried, exit 69"
fake_start
set +e
TELEGRAM_BOT_TOKEN=42:wrong-token pulse-telegram --max-tries 3 p.ndjson 2> err
echo "exit $?"
set -e
jq -c '[.n, .status]' fake.log
cat err
grep -c 'wrong-token' err || true
echo "-- a text over 4096: 400, exit 69, the next one goes"
{ jq -nc '{chat_id: 1, text: ("x" * 5000)}'; echo '{"chat_id":1,"text":"short"}'; } > long.ndjson
fake_start
set +e
pulse-telegram long.ndjson 2> err
echo "exit $?"
set -e
jq -c '[.n, .status]' fake.log
cat err
