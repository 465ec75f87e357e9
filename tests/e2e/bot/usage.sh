# pulse-bot's command line: --allow is required and takes ids only; bad
# numbers, a non-http API base and stray arguments are exit 64 before any
# request; --help and --version exit 0
export TELEGRAM_BOT_TOKEN=123:abc TELEGRAM_API_BASE=http://127.0.0.1:9
pulse-bot --help | head -n 1
pulse-bot --version | sed 's/[0-9.]*$/VERSION/'
u() {
	echo "# $*" >&2
	pulse-bot --state-dir st "$@" 2>err || echo "$*: exit $?"
	head -n 1 err >&2
}
u --once
u --allow '' --once
u --allow 12,abc --once
u --allow 0 --once
u --allow 1 --poll-timeout soon
u --allow 1 --backoff -1
u --allow 1 --max-tries 0
u --allow 1 --bogus
TELEGRAM_API_BASE=ftp://x u --allow 1 --once
[ ! -e st ] && echo "no state directory made"
