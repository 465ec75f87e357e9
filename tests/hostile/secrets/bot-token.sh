# pulse-bot's token: from the environment or the first line of
# --token-file (CRLF as Notepad saves it), never an argument (refused
# without echoing it), never printed: not when its form is wrong, not when
# the API refuses it, not when an answer echoes the request's path (the
# token URL-encoded), not in the command line of the running bot
. "$ROOT/tests/telegram/bot-env.sh"
state_setup st
tok=$TELEGRAM_BOT_TOKEN
msg 1 111 111 /help > updates.ndjson
msg 2 111 111 /report >> updates.ndjson
# the first answer is refused with a description that echoes the path
bot_fake_start updates.ndjson 400u
printf '%s\r\n' "$tok" > token.txt
env -u TELEGRAM_BOT_TOKEN pulse-bot --state-dir st --allow 111 --once --token-file token.txt 2> err1
echo "token file: exit $?, next update $(cat st/bot/offset)"
sed 's/[0-9]* updates handled/N updates handled/' err1 >&2
pulse-bot --state-dir st --allow 111 --once "$tok" 2> err2 || echo "as an argument: exit $?"
head -n 1 err2 >&2
TELEGRAM_BOT_TOKEN=not-a-token pulse-bot --state-dir st --allow 111 --once 2> err3 || echo "bad form: exit $?"
cat err3 >&2
# a token the API does not know: 401 to getUpdates
rm -rf st/bot
TELEGRAM_BOT_TOKEN=${tok%?}X pulse-bot --state-dir st --allow 111 2> err4 || echo "unknown token: exit $?"
grep -v 'polling from' err4 >&2
env -u TELEGRAM_BOT_TOKEN pulse-bot --state-dir st --allow 111 --once --token-file missing.txt 2> err5 || echo "no token file: exit $?"
cat err5 >&2
echo "-- the token's secret half in any output: $(cat err1 err2 err3 err4 err5 | grep -c -e "${tok#*:}" -e "${tok%?}X")"
