# SIGTERM in the middle of an answer (a slow API: the text sent, the two
# photos not yet) finishes the update at hand: its photos go out, its
# offset is written, the next update is left for the next start; exit 0
. "$ROOT/tests/telegram/bot-env.sh"
state_setup st
msg 1 111 111 'Первая линия' > updates.ndjson
msg 2 111 111 /help >> updates.ndjson
python3 "$ROOT/tests/telegram/fake-bot-api" --log "$PWD/fake.log" --port-file "$PWD/fake.port" \
	--updates updates.ndjson --max-wait 0.3 --send-delay 0.5 &
FAKE_PID=$!
for i in $(seq 200); do [ -s fake.port ] && break; sleep 0.05; done
export TELEGRAM_API_BASE=http://127.0.0.1:$(cat fake.port)
pulse-bot --state-dir st --allow 111 --poll-timeout 1 2> bot.err &
pid=$!
for i in $(seq 400); do grep -q sendMessage fake.log 2>/dev/null && break; sleep 0.02; done
kill -TERM $pid
wait $pid && echo "stopped: exit 0"
echo "next update $(cat st/bot/offset)"
jq -r 'select(.path | test("send")) | "\(.status) \(.path | sub(".*/"; ""))"' fake.log
pulse-bot --state-dir st --allow 111 --once 2>/dev/null
echo "restarted: next update $(cat st/bot/offset)"
jq -r 'select(.path | test("send")) | "\(.status) \(.path | sub(".*/"; ""))"' fake.log | tail -n 1
