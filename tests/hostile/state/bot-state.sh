# pulse-bot's state (STATE/bot/offset, STATE/bot/refused): garbage, a NUL
# or an empty line is not taken as offset 0 (which would answer every
# update again): exit 65 naming the file and line, before any request;
# CRLF and a blank file are read
export TELEGRAM_BOT_TOKEN=123:abc TELEGRAM_API_BASE=http://127.0.0.1:9
t() {
	rm -rf st && mkdir -p st/bot
	printf "$3" > "st/bot/$2"
	echo "# $1" >&2
	pulse-bot --state-dir st --allow 1 --once --max-tries 1 2>err || echo "$1: exit $?"
	grep -v 'polling from\|127.0.0.1' err >&2 || true
}
t garbage offset 'twelve\n'
t nul offset '12\x00\n'
t float offset '12.5\n'
t refused refused '42\nabc\n'
t huge offset '99999999999999999999\n'
