# pulse-telegram: an error page (not JSON) that echoes the request's URL
# with the token across byte 200: the message shows the page's start with
# the token masked.  It was cut at 200 bytes and then masked: the token's
# first half showed.
. "$ROOT/tests/telegram/fake-env.sh"
. "$ROOT/tests/hostile/secrets/scan-env"
export TELEGRAM_BOT_TOKEN=123456789:$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
secret=${TELEGRAM_BOT_TOKEN#*:}
scan_secret "$TELEGRAM_BOT_TOKEN" "$secret" "${secret:0:8}"
show() { # the case's stdout and stderr: what the run printed, secrets masked
	while IFS= read -r l; do scan_mask "$l"; done <out
	while IFS= read -r l; do scan_mask "$l"; done <err >&2
}
fake_start '400h*'
rc=0
echo '{"chat_id":1,"text":"hello"}' | pulse-telegram >out 2>err || rc=$?
echo "pulse-telegram: exit $rc"
scan_files out err
show
exit $rc
