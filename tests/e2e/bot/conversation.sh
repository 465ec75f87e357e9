# pulse-bot against the fake Bot API: button presses and commands from the
# allowed chats (a user, a group) and from foreign ones (also an allowed
# user in a group that is not); 429 and 500 on getUpdates and on the answers; the bot
# stopped (SIGTERM) in the middle and started again.  Every allowed update
# is answered exactly once (the numbers of the day and the charts as PNG
# photos), each foreign chat refused once, nothing answered twice after the
# restart; the token is in no output and no command line.
. "$ROOT/tests/telegram/bot-env.sh"
state_setup st
{
	msg 1 111 111 /start
	msg 2 111 111 'Первая линия'
	msg 3 999 999 'Первая линия'
	msg 4 111 111 'Методисты'
	msg 5 -100200 111 'Вторая линия'
	msg 6 999 999 /report
	msg 7 111 111 /report
	msg 8 555 555 /start
	msg 9 111 111 /tickets
	msg 10 111 111 /leads
	msg 11 111 111 'как дела?'
	msg 12 -100200 222 /help@pulse_sales_bot
	msg 13 555 555 /leads
	echo '{"update_id":14,"message":{"message_id":14,"from":{"id":111},"chat":{"id":111,"type":"private"},"sticker":{}}}'
	echo '{"update_id":15,"edited_message":{"message_id":2,"from":{"id":111},"chat":{"id":111,"type":"private"},"text":"x"}}'
	msg 16 111 111 'Вторая линия'
	msg 17 111 111 /help
	# an allowed user in a group that is not: the group would read it
	msg 18 -100300 111 'Первая линия'
} > updates.ndjson
# the first answer meets a 429 then a 500; getUpdates a 500 then a 429
bot_fake_start updates.ndjson 429,500 500,429
SECONDS=0
pulse-bot --state-dir st --allow 111,-100200 --poll-timeout 1 --backoff 0.2 2> bot1.err &
pid=$!
# a look at its command line while it runs
for i in $(seq 100); do [ -s st/bot/offset ] && break; sleep 0.1; done
tr '\0' ' ' < /proc/$pid/cmdline > cmdline
# stopped in the middle, once the sixth update is handled
for i in $(seq 300); do [ "$(cat st/bot/offset 2>/dev/null)" -ge 7 ] 2>/dev/null && break; sleep 0.05; done
echo "t=$SECONDS" >&2
kill -TERM $pid
st=0
wait $pid || st=$?
echo "stopped: exit $st, next update $(cat st/bot/offset) (at least 7)" | sed 's/update [0-9]* (/update N (/'
# started again: the rest, each once
pulse-bot --state-dir st --allow 111 --allow -100200 --once --backoff 0.2 2> bot2.err
echo "t=$SECONDS" >&2
echo "restarted --once: exit $?, next update $(cat st/bot/offset)"
echo "-- delivered"
delivered
echo "-- retried"
jq -r 'select(.status != 200) | "\(.path | sub(".*/"; "")) \(.status)"' fake.log
echo "-- the keyboard"
jq -c 'select(.status == 200 and .body.chat_id == 111) | .body.reply_markup.keyboard' fake.log | sort -u
echo "-- refused, remembered"
cat st/bot/refused
grep -c 'is not allowed' bot1.err bot2.err | awk -F: '{ n += $2 } END { print n " log lines for the 5 foreign updates" }'
echo "-- the token"
cat bot1.err bot2.err cmdline | grep -c -e "$TELEGRAM_BOT_TOKEN" -e "${TELEGRAM_BOT_TOKEN#*:}" || true
echo "-- again: nothing more to answer"
pulse-bot --state-dir st --allow 111 --once 2>/dev/null
jq -s 'map(select(.path | test("send"))) | length' fake.log
