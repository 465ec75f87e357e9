# pulse-alert --fresh with the connection string, password and all, in
# PULSE_DB and the bot token in a file (--token-file): neither is on any
# command line while it extracts, renders and sends, nor in what it prints
# or leaves in the state directory
. "$ROOT/tests/pg/pg-env.sh"
. "$ROOT/tests/telegram/fake-env.sh"
. "$ROOT/tests/hostile/secrets/scan-env"
trap 'fake_stop; pg_stop' EXIT
pg_load_sample sales-small
export TELEGRAM_BOT_TOKEN=123456789:$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
secret=${TELEGRAM_BOT_TOKEN#*:}
scan_secret "$TELEGRAM_BOT_TOKEN" "$secret" "${secret:0:8}"
scan_secret "$PG_TEST_PASSWORD" "${PG_TEST_PASSWORD#pulse-S3cret-}"
fake_start
(umask 077 && printf '%s\n' "$TELEGRAM_BOT_TOKEN" > bot.token)
unset TELEGRAM_BOT_TOKEN
export PULSE_DB="user=pulse_pw password=$PG_TEST_PASSWORD"
export TMPDIR=$PWD/tmp
mkdir tmp
scan_start
rc=0
pulse-alert --state-dir st --chat-id -100777 --lang en --token-file bot.token \
	--fresh --as-of 2026-01-22T12:00:00Z -v >out 2>err || rc=$?
scan_stop
echo "pulse-alert: exit $rc"
jq -r '.path | sub(".*/bot[^/]*/"; "")' fake.log | sort | uniq -c | sed 's/^ *//'
scan_files out err st tmp
sed 's/^/  /' err >&2
exit $rc
