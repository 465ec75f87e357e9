# pulse-extract pg --state: daily runs read only what is new; across runs
# no row is lost or repeated, also when rows of one timestamp arrive on
# both sides of a run; the bookmark moves only after a complete run.
. "$ROOT/tests/pg/pg-env.sh"
pg_load_sample sales-small
T="'2026-01-21 00:00:00+00'"
ev() { # user_id, event_id, time
	pg_sql "INSERT INTO events (user_id, event_id, created_at) VALUES ($1, $2, $3)"
}
payment() {
	pg_sql "INSERT INTO payments (user_id, amount, created_at) VALUES ($1, $2, $3)"
}
ev 1 1 "$T"; ev 2 1 "$T"; ev 3 4 "$T"; payment 3 100.10 "$T"

echo '# the first run: everything, and the bookmark'
pulse-extract pg --state st -o r1.ndjson
wc -l <r1.ndjson
cat st
echo '# rows arrive: two more events and a payment at the same time, one later'
ev 4 1 "$T"; ev 1 2 "$T"; payment 1 200.20 "$T"
ev 2 2 "'2026-01-21 01:00:00+00'"
pulse-extract pg --state st >r2.ndjson
cat r2.ndjson
cat st
echo '# nothing new: no records, the same bookmark'
cp st st.before
pulse-extract pg --state st | wc -l
cmp st st.before && echo 'bookmark unchanged'
echo '# the runs together = one full run: none lost, none repeated'
pulse-extract pg >full.ndjson
cat r1.ndjson r2.ndjson | sort >runs.sorted
sort full.ndjson | cmp - runs.sorted && echo 'same rows'
sort runs.sorted | uniq -d | wc -l

echo '# a failed run leaves the bookmark: bad row, unwritable output, full disk'
ev 5 99 "'2026-01-21 02:00:00+00'"
echo '# a bad row'; echo '# a bad row' >&2
pulse-extract pg --state st >out || echo "exit $?"
cmp st st.before && echo 'bookmark unchanged'
pg_sql 'DELETE FROM events WHERE event_id = 99'
ev 5 1 "'2026-01-21 02:00:00+00'"
echo '# an output that cannot be created'; echo '# an output that cannot be created' >&2
pulse-extract pg --state st -o no/such/dir/out.ndjson || echo "exit $?"
cmp st st.before && echo 'bookmark unchanged'
echo '# a full disk'; echo '# a full disk' >&2
pulse-extract pg --state st >/dev/full || echo "exit $?"
cmp st st.before && echo 'bookmark unchanged'
echo '# the run after them'; echo '# the run after them' >&2
pulse-extract pg --state st -o r3.ndjson
cat r3.ndjson

echo '# --query needs --key for --state; the key orders rows of one ts'
echo '# --query needs --key for --state; the key orders rows of one ts' >&2
pulse-extract pg --query 'SELECT 1' --state q.st 2>err || true
head -n 1 err >&2
Q="SELECT user_id, created_at AS ts, 'e' || event_id AS event, id AS row_id FROM events"
pulse-extract pg --query "$Q" --key row_id --state q.st --since 2026-01-20T21:00:00Z >q1.ndjson
cat q1.ndjson
cat q.st
ev 6 3 "'2026-01-21 02:00:00+00'"
pulse-extract pg --query "$Q" --key row_id --state q.st >q2.ndjson
cat q2.ndjson
echo '# a bookmark of another query is refused'
echo '# the default query, a bookmark of --query'
echo '# the default query, a bookmark of --query' >&2
pulse-extract pg --state q.st || echo "exit $?"
echo '# --query, a bookmark of another --key'
echo '# --query, a bookmark of another --key' >&2
pulse-extract pg --query "$Q" --key user_id --state q.st || echo "exit $?"
echo '# a --key the query does not return'
echo '# a --key the query does not return' >&2
pulse-extract pg --query "$Q" --key nosuch --state q2.st 2>err || true
head -n 1 err >&2
echo '# a damaged bookmark: 65'
echo '{"query":' >bad.st
echo '# not JSON'; echo '# not JSON' >&2
pulse-extract pg --state bad.st || echo "exit $?"
echo '{"source":"pg","query":"default","events":{"ts":1}}' >bad.st
echo '# a member of the wrong type'; echo '# a member of the wrong type' >&2
pulse-extract pg --state bad.st || echo "exit $?"

echo '# pulse-extract(1) EXAMPLES (the connection string is this server)'
echo '# pulse-extract(1) EXAMPLES (the connection string is this server)' >&2
pulse-extract pg --db "host=$PGHOST dbname=pulse user=pulse" \
	--state events.state -o new-events.ndjson
pulse-extract pg | cmp - new-events.ndjson && echo 'all of them'
pulse-extract pg --db "host=$PGHOST dbname=pulse user=pulse" \
	--state events.state -o new-events.ndjson
wc -l <new-events.ndjson
pulse-extract pg --query "SELECT e.user_id, e.created_at AS ts,
	d.name AS event, e.id FROM events e JOIN events_dict d
	ON d.id = e.event_id" --key id --state q.state | wc -l
cat q.state
