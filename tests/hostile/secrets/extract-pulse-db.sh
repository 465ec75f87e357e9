# pulse-extract pg takes the connection string from PULSE_DB (the
# environment, which only the user and root can read); a refused login is
# 69 and its message names no password.  PULSE_DB was ignored: the run
# went to the PG* variables' database and succeeded.
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
pulse-extract pg >out 2>err || rc=$?
scan_stop
echo "pulse-extract: exit $rc, $(wc -l <out) records"
scan_files out err
show
exit $rc
