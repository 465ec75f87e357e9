# pulse-extract pg --db-file FILE: the connection string, password and
# all, from FILE; the password on no command line and in no output.
# --db-file did not exist (64).
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
(umask 077 && echo "user=pulse_pw password=$PG_TEST_PASSWORD" >db.conf)
scan_start
rc=0
pulse-extract pg --db-file db.conf >out 2>err || rc=$?
scan_stop
echo "pulse-extract: exit $rc, $(wc -l <out) records"
scan_files out err
: >out
show
exit $rc
