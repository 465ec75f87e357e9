# pulse-daily against a real PostgreSQL (tests/pg/pg-env.sh) and the fake
# Bot API: the first run keeps every event and payment and posts the text
# and the chart; rows added later, some sharing the last kept timestamp, are
# kept by the next run exactly once; a failed delivery keeps the data (the
# next run sends the report again); a database that cannot be reached exits
# 69 and moves nothing; --dry-run moves nothing either
. "$ROOT/tests/pg/pg-env.sh"
. "$ROOT/tests/telegram/fake-env.sh"
trap 'fake_stop; pg_stop' EXIT
pg_load_sample sales-small
# hold back the rows after 2026-01-18 12:00 for the second run
pg_sql "CREATE TABLE later_e AS SELECT * FROM events WHERE created_at > '2026-01-18 12:00+00'" \
	"CREATE TABLE later_p AS SELECT * FROM payments WHERE created_at > '2026-01-18 12:00+00'" \
	"DELETE FROM events WHERE created_at > '2026-01-18 12:00+00'" \
	"DELETE FROM payments WHERE created_at > '2026-01-18 12:00+00'"
fake_start
D=(--state-dir st --chat-id -100777 --day 2026-01-20 --lang en)
echo "-- run 1"
pulse-daily "${D[@]}"
echo "exit $?"
kept() { zstd -dcq st/events/*.ndjson.zst | wc -l; }
chunks() { ls st/events/*.ndjson.zst | wc -l; }
echo "kept: $(kept), chunks: $(chunks)"
jq -c '[.n, (.path | sub(".*/"; "")), .status, (.body.chat_id // .fields.chat_id)]' fake.log
jq -r 'select(.body) | .body.text' fake.log | head -n 3
echo "-- run 2: the held-back rows, and two more at the last kept time"
last=$(psql -X -A -t -c "SELECT max(created_at) FROM events")
pg_sql "INSERT INTO events SELECT * FROM later_e" "INSERT INTO payments SELECT * FROM later_p" \
	"INSERT INTO events (user_id, event_id, created_at) VALUES (999001, 1, '$last'), (999002, 1, '$last')"
fake_start
pulse-daily "${D[@]}"
echo "exit $?"
echo "kept: $(kept), chunks: $(chunks)"
pulse-extract pg --row-ids > all.ndjson
echo "in the database: $(wc -l < all.ndjson)"
zstd -dcq st/events/*.ndjson.zst | sort > kept.sorted
sort all.ndjson | cmp - kept.sorted && echo "the archive holds every row once"
jq -c '[.n, (.path | sub(".*/"; "")), .status]' fake.log
pulse-extract pg | pulse-metrics --defs "$SAMPLES/sales-metrics.json" |
	pulse-render -f telegram --chat-id -100777 --lang en --day 2026-01-20 | jq -c .text > direct
jq -c 'select(.body) | .body.text' fake.log | cmp - direct &&
	echo "the text sent equals the metrics of the whole database"
echo "-- delivery fails: exit 75, the data is kept; the next run sends again"
pg_sql "INSERT INTO events (user_id, event_id, created_at) VALUES (999003, 1, '2026-01-20 23:00+00')"
fake_start '500*'
set +e
pulse-daily "${D[@]}" --max-tries 2 --backoff 0.05 2> err
echo "exit $?"
set -e
grep -c 'not delivered' err
echo '# delivery fails' >&2
cat err >&2
echo "kept: $(kept)"
fake_start
pulse-daily "${D[@]}"
echo "exit $?, kept: $(kept)"
jq -c '[.n, (.path | sub(".*/"; "")), .status]' fake.log
echo "-- --dry-run: prints, keeps nothing"
pg_sql "INSERT INTO events (user_id, event_id, created_at) VALUES (999004, 1, '2026-01-20 23:30+00')"
cp st/bookmark bookmark.before
pulse-daily "${D[@]}" --dry-run | sed 's/127.0.0.1:[0-9]*/127.0.0.1:PORT/' | cut -c 1-64
cmp st/bookmark bookmark.before && echo "bookmark unchanged, kept: $(kept)"
echo "-- no database: exit 69, nothing moves"
set +e
pulse-daily "${D[@]}" --db "host=$PGHOST port=1 dbname=pulse user=pulse" 2> err
echo "exit $?"
set -e
# libpq's words and their number of lines vary with its version
echo '# no database' >&2
sed "s|$PGHOST|PGHOST|g" err | head -n 2 | cut -c 1-100 >&2
tail -n 1 err >&2
cmp st/bookmark bookmark.before && echo "bookmark unchanged, kept: $(kept)"
echo "-- a run that died after keeping its chunk, before moving the bookmark"
pg_sql "INSERT INTO events (user_id, event_id, created_at) VALUES (999005, 1, '2026-01-20 23:40+00')"
pulse-extract pg --row-ids --state st/bookmark --state-to st/bookmark.next > new.ndjson
jq -r '.row | tojson' new.ndjson | sort > st/events/20990101T000000Z-1.rows
zstd -q < new.ndjson > st/events/20990101T000000Z-1.ndjson.zst
echo 20990101T000000Z-1 > st/pending
echo '# a run that died after keeping its chunk' >&2
pulse-daily "${D[@]}" -v >/dev/null 2>err
grep -E "finished|extracted" err >&2
echo "kept: $(kept)"
echo "-- a run that died before its chunk was in place"
pg_sql "INSERT INTO events (user_id, event_id, created_at) VALUES (999006, 1, '2026-01-20 23:50+00')"
pulse-extract pg --row-ids --state st/bookmark --state-to st/bookmark.next > new.ndjson
zstd -q < new.ndjson > st/events/20990102T000000Z-1.ndjson.zst.tmp
echo '# a run that died before its chunk was in place' >&2
pulse-daily "${D[@]}" -v >/dev/null 2>err
grep -E "finished|extracted" err >&2
echo "kept: $(kept), leftovers: $(ls st st/events | grep -c -e pending -e next -e tmp || true)"
pulse-extract pg --row-ids | sort | cmp - <(zstd -dcq st/events/*.ndjson.zst | sort) && echo "the archive holds every row once"
