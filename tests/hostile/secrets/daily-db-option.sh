# pulse-daily --db with a password: refused (64) before anything runs; a
# command line is visible to every local user.  It was passed on to
# pulse-extract's command line as it was.
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
fake_start
scan_start
rc=0
pulse-daily --state-dir st --chat-id -100777 --day 2026-01-20 --lang en -v --db "user=pulse_pw password=$PG_TEST_PASSWORD" >out 2>err || rc=$?
scan_stop >/dev/null
echo "pulse-daily: exit $rc"
tr '\0' ' ' <"$SCAN/argv" | grep -c pulse-extract || true
test -e st || echo "no state directory"
show
exit $rc
