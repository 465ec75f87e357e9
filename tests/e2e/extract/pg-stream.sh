# pulse-extract pg streams: 155 000 rows in a few megabytes (peak RSS), and
# a connection killed in the middle of the stream (pg_terminate_backend from
# another session) exits 69 with the server's message and leaves the
# bookmark as it was.
. "$ROOT/tests/pg/pg-env.sh"
# wait_for CMD...: until CMD succeeds, 20 seconds at most
wait_for() {
	local i
	for i in $(seq 200); do
		"$@" && return 0
		sleep 0.1
	done
	echo "gave up waiting for: $*" >&2
	exit 1
}
pulse-gen events --users 20000 --events big-events.csv --payments big-payments.csv \
	--expected expected.ndjson
pg_load_sample big .

echo '# all rows, in bounded memory'
/usr/bin/time -f %M -o rss pulse-extract pg -o all.ndjson
cmp all.ndjson expected.ndjson && echo "same $(wc -l <all.ndjson) records"
rss=$(tail -n 1 rss)
# (AddressSanitizer keeps freed memory in quarantine: no bound there)
case $B in */san) rss=0 ;; esac
[ "$rss" -lt 20000 ] && echo 'peak RSS under 20 MB' || echo "peak RSS $rss kB"

echo '# a bookmark, then a run whose connection is killed mid-stream'
pulse-extract pg --until 2025-12-01 --state st | wc -l
cp st st.before
rm -f started go
{ pulse-extract pg --state st 2>err && echo 0 >rc || echo $? >rc; } | {
	head -c 100000 >/dev/null
	touch started
	for i in $(seq 200); do [ -f go ] && break; sleep 0.1; done
	cat >/dev/null
}&
wait_for test -f started
sleep 0.5 # the extract is now blocked on the full pipe, the server on it
psql -X -At -c "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
	WHERE application_name = 'pulse-extract'"
touch go
wait
echo "exit $(cat rc)"
sed "s|$PG_TMP|TMP|g" err
cmp st st.before && echo 'bookmark unchanged'
echo '# the next run reads from the bookmark'
pulse-extract pg --state st | wc -l
grep -c -v '"ts":"2025-11' expected.ndjson
echo '# killed while the server works on the query: its message'
pulse-extract pg --query "SELECT user_id, created_at AS ts, 'e' AS event, id
	FROM pg_sleep(30), events" --state q.st --key id >out 2>err &
active() {
	[ "$(psql -X -At -c "SELECT count(*) FROM pg_stat_activity
		WHERE application_name = 'pulse-extract' AND state = 'active'")" = 1 ]
}
wait_for active
psql -X -At -c "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
	WHERE application_name = 'pulse-extract'"
wait $! || echo "exit $?"
sed "s|$PG_TMP|TMP|g" err
test -f q.st || echo 'no bookmark written'
