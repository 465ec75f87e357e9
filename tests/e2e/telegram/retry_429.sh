# pulse-telegram posts each payload line to <api>/bot<token>/sendMessage;
# a 429 answer is retried after parameters.retry_after seconds (1 here);
# the token is in the request's path and nowhere else: not in the headers
# or the body the API gets, not in what the script prints
. "$ROOT/tests/telegram/fake-env.sh"
fake_start 429
cat > p.ndjson <<'J'
{"chat_id":42,"text":"<b>Daily metrics</b>\nfirst & second","parse_mode":"HTML"}

{"chat_id":"@sales","text":"Второе сообщение 📈","parse_mode":"HTML"}
J
t0=$(date +%s%N)
pulse-telegram -v p.ndjson > out 2> err
echo "exit $?"
t1=$(date +%s%N)
echo "waited a second: $(( (t1 - t0) / 1000000 >= 1000 ))"
jq -c '[.n, .method, .path == "/bot\(env.TELEGRAM_BOT_TOKEN)/sendMessage", .status, .headers["content-type"]]' fake.log
echo "-- what the API got"
jq -c 'select(.status == 200) | .body' fake.log
echo "-- the token elsewhere:"
jq -r '[.headers, .body] | tostring' fake.log | grep -cF "$TELEGRAM_BOT_TOKEN" || true
cat out err | grep -cF "$TELEGRAM_BOT_TOKEN" || true
echo "-- stderr (-v)"
cat err
