# pulse-bot soak: 10 000 updates through the fake Bot API (commands and
# text from 50 allowed chats, a button press in every 50th, 20 foreign
# chats 5 times each) in under a minute: every allowed update answered
# once, every foreign chat refused once, none lost or doubled; the bot's
# memory flat (its RSS after 2 000 updates and after 10 000)
. "$ROOT/tests/telegram/bot-env.sh"
state_setup st
python3 - > updates.ndjson <<'PY'
import json
texts = ["/help", "как дела?", "/tickets", "/leads", "/start"]
buttons = ["Первая линия", "Методисты", "Вторая линия"]
for i in range(1, 10001):
    if i % 100 == 7 and i // 100 < 100:
        chat = 9000 + (i // 100) % 20          # foreign
    else:
        chat = 1 + i % 50
    text = buttons[i % 3] if i % 50 == 0 else texts[i % 5]
    print(json.dumps({"update_id": i, "message": {"message_id": i,
        "from": {"id": chat}, "chat": {"id": chat, "type": "private"},
        "text": text}}, ensure_ascii=False))
PY
allow=$(seq -s, 1 50)
# the minute is the plain build's; under ASan+UBSan (B=build/san) every
# program runs two to three times slower, and the budget is three minutes
# and ASan's quarantine of freed memory (256 MB) would look like growth:
# it is turned off, and the allocator's own caches allowed 16 MB
limit=60 flat=1024
case $B in
*/san)
	limit=180 flat=16384
	export ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}quarantine_size_mb=0:thread_local_quarantine_size_kb=0
	;;
esac
bot_fake_start updates.ndjson
SECONDS=0
pulse-bot --state-dir st --allow "$allow" --poll-timeout 1 2> bot.err &
pid=$!
rss() { awk '/^VmRSS/ { print $2 }' /proc/$pid/status; }
rss1=
for i in $(seq $((limit * 10))); do
	o=$(cat st/bot/offset 2>/dev/null || echo 0)
	[ -z "$rss1" ] && [ "$o" -ge 2001 ] && rss1=$(rss)
	[ "$o" -ge 10001 ] && break
	sleep 0.1
done
rss2=$(rss)
kill -TERM $pid
wait $pid
secs=$SECONDS
echo "next update $(cat st/bot/offset)"
[ "$secs" -lt "$limit" ] && echo "under a minute" || echo "too slow: ${secs} s"
echo "$secs s, RSS $rss1 kB after 2000 updates, $rss2 kB after 10000" >&2
[ $((rss2 - rss1)) -lt "$flat" ] && echo "memory flat (under 1 MB more)" || echo "memory grew: $rss1 -> $rss2 kB"
# what each chat should have got, and what it got
python3 - updates.ndjson fake.log <<'PY'
import json, sys, collections
want = collections.Counter()
refuse = set()
for line in open(sys.argv[1], encoding="utf-8"):
    u = json.loads(line)
    c = u["message"]["chat"]["id"]
    t = u["message"]["text"]
    if c >= 9000:
        refuse.add(c)
        continue
    want[c] += 3 if t in ("Первая линия", "Вторая линия") else 2 if t == "Методисты" else 1
got = collections.Counter()
kinds = collections.Counter()
for line in open(sys.argv[2], encoding="utf-8"):
    e = json.loads(line)
    if e["status"] != 200 or "send" not in e["path"]:
        continue
    c = int((e.get("body") or e.get("fields"))["chat_id"])
    got[c] += 1
    kinds[e["path"].rsplit("/", 1)[1]] += 1
refused = {c: n for c, n in got.items() if c >= 9000}
print("allowed chats answered:", sum(1 for c in want if got[c] == want[c]), "of", len(want))
print("messages:", sum(want.values()), "expected,", sum(n for c, n in got.items() if c < 9000), "sent")
print("foreign chats refused once:", sum(1 for c in refuse if refused.get(c) == 1), "of", len(refuse))
print("sendMessage", kinds["sendMessage"], "sendPhoto", kinds["sendPhoto"])
PY
