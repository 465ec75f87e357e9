# pulse-daily when the database refuses the login (a wrong password in
# PULSE_DB) or cannot be reached: exit 69, and the password is neither on
# a command line nor in any message.  It was on pulse-extract's command
# line.
. "$ROOT/tests/pg/pg-env.sh"
. "$ROOT/tests/telegram/fake-env.sh"
. "$ROOT/tests/hostile/secrets/scan-env"
trap 'fake_stop; pg_stop' EXIT
pg_load_sample sales-small
scan_secret "$PG_TEST_PASSWORD" "${PG_TEST_PASSWORD#pulse-S3cret-}"
show() { # the case's stdout and stderr: what the run printed, secrets masked
	while IFS= read -r l; do scan_mask "$l"; done <out | sed "s|$PG_TMP|PGTMP|g"
	while IFS= read -r l; do scan_mask "$l"; done <err |
		sed -e "s|$PG_TMP|PGTMP|g" -e "s|events/[0-9TZ]*-[0-9]*\.|events/CHUNK.|" >&2
}
export PULSE_DB="user=pulse_pw password=${PG_TEST_PASSWORD}x"
scan_secret "${PG_TEST_PASSWORD}x"
scan_start
rc=0
pulse-daily --state-dir st --chat-id -100777 --day 2026-01-20 --lang en -v >out 2>err || rc=$?
echo "pulse-daily: exit $rc (a wrong password)"
export PULSE_DB="host=$PG_TMP/nowhere user=pulse_pw password=$PG_TEST_PASSWORD"
pulse-daily --state-dir st --chat-id -100777 --day 2026-01-20 --lang en -v >>out 2>>err || rc=$?
scan_stop
echo "pulse-daily: exit $rc (no server)"
scan_files out err st
show
exit $rc
