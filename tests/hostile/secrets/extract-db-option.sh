# pulse-extract pg --db with a password: refused (64), before any
# connection: a command line is visible to every local user.  It connected
# (exit 0).
. "$ROOT/tests/pg/pg-env.sh"
. "$ROOT/tests/telegram/fake-env.sh"
. "$ROOT/tests/hostile/secrets/scan-env"
trap 'fake_stop; pg_stop' EXIT
pg_load_sample sales-small
show() { # the case's stdout and stderr: what the run printed, secrets masked
	while IFS= read -r l; do scan_mask "$l"; done <out | sed "s|$PG_TMP|PGTMP|g"
	while IFS= read -r l; do scan_mask "$l"; done <err |
		sed -e "s|$PG_TMP|PGTMP|g" -e "s|events/[0-9TZ]*-[0-9]*\.|events/CHUNK.|" >&2
}
rc=0
pulse-extract pg --db "user=pulse_pw password=$PG_TEST_PASSWORD" >out 2>err || rc=$?
echo "pulse-extract: exit $rc, $(wc -l <out) records"
show
exit $rc
