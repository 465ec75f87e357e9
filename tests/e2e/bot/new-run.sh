# a new run published while the bot runs (latest switched by a rename):
# the next press answers from it, the charts are drawn again and the old
# run's are removed; a run without the button's metric says so; no run
# at all says there is no data yet
. "$ROOT/tests/telegram/bot-env.sh"
state_setup st
msg 1 111 111 'Первая линия' > u1.ndjson
msg 2 111 111 'Первая линия' > u2.ndjson
msg 3 111 111 'Методисты' >> u2.ndjson
text() { jq -r 'select(.status == 200 and (.path | endswith("sendMessage"))) | .body.text' fake.log | grep -e ': <b>' -e рассчитаны -e 'Нет чисел' | sed 's/, [0-9]* \(мин\|ч\|дн\) назад/, AGE/'; }
bot_fake_start u1.ndjson
pulse-bot --state-dir st --allow 111 --once 2>/dev/null
text
ls st/bot/cache
# the next run: the first line's day is 99, the methodists' metric gone
new=st/sales/published/20260122T060000Z
mkdir "$new"
cp st/sales/published/latest/* "$new/"
jq -c 'if .name == "intro_lessons_by_first_line" and .day == "2026-01-20" then .value = 99 else . end
	| select(.name != "payments_without_second_line")' st/sales/published/latest/metrics.ndjson > "$new/metrics.ndjson"
jq -c '.computed_at = "2026-01-22T06:00:00Z"' st/sales/published/latest/run.json > "$new/run.json"
ln -s 20260122T060000Z st/sales/published/.latest.tmp
mv -T st/sales/published/.latest.tmp st/sales/published/latest
bot_fake_start u2.ndjson
pulse-bot --state-dir st --allow 111 --once 2>/dev/null
text
jq -r 'select(.status == 200 and (.path | endswith("sendPhoto"))) | .fields.caption' fake.log
ls st/bot/cache
echo "-- no run at all"
rm st/sales/published/latest
msg 4 111 111 'Вторая линия' > u3.ndjson
bot_fake_start u3.ndjson
pulse-bot --state-dir st --allow 111 --once 2>/dev/null
jq -r 'select(.status == 200 and (.path | endswith("sendMessage"))) | .body.text' fake.log
