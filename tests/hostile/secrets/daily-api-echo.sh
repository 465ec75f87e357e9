# pulse-daily when the Bot API (or a proxy in front of it) answers with a
# page that echoes the request's URL, token and all, across the 200 bytes
# of the message: exit 69, and the token is masked.  It was cut first and
# masked after: the token showed in part.
. "$ROOT/tests/pg/pg-env.sh"
. "$ROOT/tests/telegram/fake-env.sh"
. "$ROOT/tests/hostile/secrets/scan-env"
trap 'fake_stop; pg_stop' EXIT
pg_load_sample sales-small
export TELEGRAM_BOT_TOKEN=123456789:$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
secret=${TELEGRAM_BOT_TOKEN#*:}
scan_secret "$TELEGRAM_BOT_TOKEN" "$secret" "${secret:0:8}"
scan_secret "$PG_TEST_PASSWORD" "${PG_TEST_PASSWORD#pulse-S3cret-}"
show() { # the case's stdout and stderr: what the run printed, secrets masked
	while IFS= read -r l; do scan_mask "$l"; done <out | sed "s|$PG_TMP|PGTMP|g"
	while IFS= read -r l; do scan_mask "$l"; done <err |
		sed -e "s|$PG_TMP|PGTMP|g" -e "s|events/[0-9TZ]*-[0-9]*\.|events/CHUNK.|" >&2
}
fake_start '400h*'
export PULSE_DB="user=pulse_pw password=$PG_TEST_PASSWORD"
export TMPDIR=$PWD/tmp
mkdir tmp
scan_start
rc=0
pulse-daily --state-dir st --chat-id -100777 --day 2026-01-20 --lang en -v >out 2>err || rc=$?
scan_stop
echo "pulse-daily: exit $rc"
scan_files out err st tmp
show
exit $rc
