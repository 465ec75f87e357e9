# pulse-bot killed with SIGKILL in the middle, then started again: no
# update is lost; only the update at hand when it died may be answered a
# second time (its answer went out, its offset not yet)
. "$ROOT/tests/telegram/bot-env.sh"
state_setup st
for i in $(seq 40); do msg "$i" 111 111 /help; done > updates.ndjson
bot_fake_start updates.ndjson
pulse-bot --state-dir st --allow 111 --poll-timeout 1 2> bot1.err &
pid=$!
for i in $(seq 300); do [ "$(cat st/bot/offset 2>/dev/null)" -ge 15 ] 2>/dev/null && break; sleep 0.02; done
kill -KILL $pid
wait $pid 2>/dev/null || echo "killed: $(kill -l $?)"
pulse-bot --state-dir st --allow 111 --once 2> bot2.err
echo "restarted: exit $?, next update $(cat st/bot/offset)"
n=$(jq -s 'map(select(.status == 200 and (.path | endswith("sendMessage")))) | length' fake.log)
[ "$n" -ge 40 ] && echo "none lost" || echo "lost: $((40 - n))"
[ "$n" -le 41 ] && echo "at most one twice" || echo "doubled: $((n - 40))"
