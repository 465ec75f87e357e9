# bot-env.sh - sourced by the pulse-bot cases: a state directory with what
# the daily jobs publish (the sales run of sales-run/, a tickets run with
# its counts only, a leads run with a digest), the fake Bot API serving a
# queue of updates, and helpers to read what the bot sent.
. "$ROOT/tests/telegram/fake-env.sh"

# state_setup DIR: DIR/JOB/published/STAMP and DIR/JOB/published/latest
state_setup() {
	local d=$1
	mkdir -p "$d/sales/published/20260121T060005Z" \
		"$d/tickets/published/20260121T061000Z" \
		"$d/leads/published/20260121T062000Z"
	cp "$ROOT/tests/e2e/bot/sales-run/"* "$d/sales/published/20260121T060005Z/"
	ln -s 20260121T060005Z "$d/sales/published/latest"
	echo '{"job":"tickets","as_of":"2026-01-21T06:10:00Z","computed_at":"2026-01-21T06:10:00Z","records":42,"new":5,"dry_run":false}' \
		> "$d/tickets/published/20260121T061000Z/run.json"
	ln -s 20260121T061000Z "$d/tickets/published/latest"
	echo '{"job":"leads","computed_at":"2026-01-21T06:20:00Z","dry_run":false}' \
		> "$d/leads/published/20260121T062000Z/run.json"
	echo '{"chat_id":"@leads_daily","text":"<b>Воронка лидов</b>\nлидов: 120, сделок: 14","parse_mode":"HTML"}' \
		> "$d/leads/published/20260121T062000Z/digest.ndjson"
	ln -s 20260121T062000Z "$d/leads/published/latest"
}

# msg ID CHAT USER TEXT: an update of a text message
msg() {
	jq -cn --argjson id "$1" --argjson chat "$2" --argjson user "$3" --arg text "$4" \
		'{update_id: $id, message: {message_id: $id, date: 1768975200,
		  from: {id: $user, is_bot: false, first_name: "U"},
		  chat: {id: $chat, type: (if $chat < 0 then "group" else "private" end)},
		  text: $text}}'
}

# bot_fake_start UPDATES [SEND-PLAN [UPDATES-PLAN]]: the fake serving UPDATES
bot_fake_start() {
	local i
	fake_stop
	rm -f fake.port fake.log
	python3 "$ROOT/tests/telegram/fake-bot-api" --log "$PWD/fake.log" \
		--port-file "$PWD/fake.port" --updates "$1" --plan "${2:-}" \
		--updates-plan "${3:-}" --max-wait 0.3 &
	FAKE_PID=$!
	for i in $(seq 200); do
		[ -s fake.port ] && break
		sleep 0.05
	done
	[ -s fake.port ] || { echo "fake-bot-api did not start" >&2; exit 1; }
	export TELEGRAM_API_BASE=http://127.0.0.1:$(cat fake.port)
}

# delivered: what the API took (status 200), a line each: the chat, the
# method, the text's first, second and last lines or the photo's caption and size class; the
# age of the data ("N дн назад") as AGE
delivered() {
	jq -r 'select(.status == 200 and (.path | test("send"))) |
		(.path | sub(".*/"; "")) as $m |
		if $m == "sendMessage" then
			"\(.body.chat_id) text \(.body.text | split("\n") | map(select(. != "")) | if length < 3 then join(" … ") else "\(.[0]) … \(.[1]) … \(.[-1])" end)"
		else
			"\(.fields.chat_id) photo \(.fields.caption // "-") png=\(.fields.photo.png)"
		end' fake.log | sed 's/, [0-9]* \(мин\|ч\|дн\) назад/, AGE/'
}
