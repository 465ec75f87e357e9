# pulse-telegram: an API error whose description echoes the URL encoded
# (the token's ':' as %3A): the token's secret half is masked too.  Only
# the whole token was masked: the encoded one showed.
. "$ROOT/tests/telegram/fake-env.sh"
. "$ROOT/tests/hostile/secrets/scan-env"
export TELEGRAM_BOT_TOKEN=123456789:$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
secret=${TELEGRAM_BOT_TOKEN#*:}
scan_secret "$TELEGRAM_BOT_TOKEN" "$secret" "${secret:0:8}"
show() { # the case's stdout and stderr: what the run printed, secrets masked
	while IFS= read -r l; do scan_mask "$l"; done <out
	while IFS= read -r l; do scan_mask "$l"; done <err >&2
}
fake_start '500u*'
rc=0
echo '{"chat_id":1,"text":"hello"}' | pulse-telegram --max-tries 2 --backoff 0.01 >out 2>err || rc=$?
echo "pulse-telegram: exit $rc"
scan_files out err
show
exit $rc
