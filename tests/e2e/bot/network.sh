# pulse-bot while the API is away: connections refused are waited out
# (the backoff doubled each time, a log line each), and once the API is
# back the waiting update is answered, once; the bot then stops on SIGTERM
# while it waits for updates, exit 0
. "$ROOT/tests/telegram/bot-env.sh"
state_setup st
msg 1 111 111 /help > updates.ndjson
bot_fake_start updates.ndjson
port=$(cat fake.port)
fake_stop
pulse-bot --state-dir st --allow 111 --poll-timeout 1 --backoff 0.2 2> bot.err &
pid=$!
# back after the third refused connection
for i in $(seq 300); do [ "$(grep -c 'again in' bot.err)" -ge 3 ] && break; sleep 0.05; done
python3 "$ROOT/tests/telegram/fake-bot-api" --log "$PWD/fake.log" --port-file "$PWD/fake2.port" \
	--updates updates.ndjson --max-wait 0.3 --port "$port" &
FAKE_PID=$!
for i in $(seq 200); do [ "$(cat st/bot/offset 2>/dev/null)" = 2 ] && break; sleep 0.05; done
sleep 0.5
kill -TERM $pid
wait $pid && echo "stopped: exit 0"
echo "next update $(cat st/bot/offset)"
jq -r 'select(.path | endswith("sendMessage")) | "\(.status) \(.body.text | split("\n")[0])"' fake.log
n=$(grep -c "Couldn't connect\|Connection refused" bot.err)
m=$(grep -c '/bot\*\*\*/getUpdates' bot.err)
[ "$n" -ge 3 ] && [ "$m" = "$n" ] && echo "refused connections logged, the token masked" || cat bot.err
grep -o 'again in [0-9.]* s' bot.err | head -n 3
