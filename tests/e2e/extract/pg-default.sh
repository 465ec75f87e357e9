# pulse-extract pg against a real server (tests/pg/pg-env.sh) loaded with
# the small committed sample: the default query gives the records
# pulse-gen expects and the ones pulse-extract events makes of the dumps;
# --payment-event, --since/--until, the PG* variables and --db, --query
# (columns by name, types, naive times, text user ids), bad rows, a
# failing query (65) and an unreachable server or a wrong password (69,
# the password never shown).
. "$ROOT/tests/pg/pg-env.sh"
pg_load_sample sales-small

pulse-gen events --users 200 --days 30 --expected expected.ndjson -o /dev/null
echo '# default query = the generator expected records'
pulse-extract pg >pg.ndjson
wc -l <pg.ndjson
cmp pg.ndjson expected.ndjson && echo same
echo '# = pulse-extract events on the committed dumps'
pulse-extract events --dict "$SAMPLES/sales-dict.csv" \
	--payments "$SAMPLES/sales-small-payments.csv.zst" \
	"$SAMPLES/sales-small-events.csv" | cmp - pg.ndjson && echo same
grep -m 2 '"amount"' pg.ndjson

echo '# --payment-event'
pulse-extract pg --payment-event 'Оплата <b>' | grep -m 1 amount

echo '# --since and --until: [since, until)'
pulse-extract pg --since 2026-01-10 --until '2026-01-11T00:00:00Z' >day.ndjson
jq -r .ts day.ndjson | cut -c1-10 | sort | uniq -c
grep '"ts":"2026-01-10T' pg.ndjson | cmp - day.ndjson && echo same

echo '# --db: a connection string, a URI; it wins over PG*'
pulse-extract pg --db "host=$PGHOST dbname=pulse user=pulse" | cmp - pg.ndjson && echo same
PGDATABASE=nosuch pulse-extract pg --db "postgresql:///pulse?host=$PGHOST" | cmp - pg.ndjson && echo same
echo '# a service file (PGSERVICEFILE), by --db service=NAME or PGSERVICE'
printf '[crm]\nhost=%s\ndbname=pulse\nuser=pulse\n' "$PGHOST" >services.conf
PGSERVICEFILE=$PWD/services.conf PGDATABASE=nosuch pulse-extract pg --db service=crm |
	cmp - pg.ndjson && echo same
PGSERVICEFILE=$PWD/services.conf PGSERVICE=crm pulse-extract pg | cmp - pg.ndjson && echo same
echo '# PGDATABASE is honoured'
PGDATABASE=nosuch pulse-extract pg 2>err || echo "exit $?"
sed "s|$PGHOST|HOST|g" err

echo '# --query: columns by name, extra ones ignored, amount optional'
pulse-extract pg --query "SELECT 'x' AS extra, id, created_at AS ts, user_id,
	'pay' AS event, amount FROM payments ORDER BY id LIMIT 2;" 
pulse-extract pg --query "SELECT user_id::text AS user_id, created_at::timestamp AS ts,
	'naive'::text AS event FROM events ORDER BY id LIMIT 1"
pulse-extract pg --query "SELECT 'u-1' AS user_id,
	timestamptz '2025-03-01 10:15:00.25+03' AS ts,
	E'tab\\there \"q\" \\\\ ü' AS event, 12.50::numeric(10,3) AS amount"
echo '# a null amount is no amount; a null event is a bad row'
pulse-extract pg --query "SELECT * FROM (VALUES
	(1, timestamptz '2025-03-01 10:00Z', 'a', NULL::numeric),
	(2, timestamptz '2025-03-01 11:00Z', NULL, 1),
	(3, timestamptz '2025-03-01 12:00Z', 'c', 2)) v(user_id, ts, event, amount)" \
	--on-error skip 2>err | jq -c '[.user_id, .event, .amount]'
cat err
echo '# missing columns and wrong types: 65, clear messages'
pulse-extract pg --query 'SELECT user_id, created_at FROM events' 2>err || echo "exit $?"
cat err
pulse-extract pg --query "SELECT user_id, 'x' AS ts, 'e' AS event FROM events" 2>err || echo "exit $?"
cat err
pulse-extract pg --query "SELECT user_id, created_at AS ts, 'e' AS event, 'x' AS amount FROM events" 2>err || echo "exit $?"
cat err
echo '# a failing query: 65 with the server message'
pulse-extract pg --query 'SELEC user_id FROM events' 2>err || echo "exit $?"
cat err
pulse-extract pg --query 'SELECT user_id, created_at AS ts, 1/0 AS event FROM events' >out 2>err || echo "exit $?"
cat err
echo '# an event_id missing from events_dict: a bad row (--on-error)'
pg_sql "INSERT INTO events (user_id, event_id, created_at) VALUES (7, 99, '2026-01-20 12:00:00+00')"
pulse-extract pg >out 2>err || echo "exit $?"
cat err
pulse-extract pg --on-error skip 2>err | wc -l
cat err
pg_sql 'DELETE FROM events WHERE event_id = 99'

echo '# unreachable server: 69'
pulse-extract pg --db "host=$PG_TMP/nowhere dbname=pulse" 2>err || echo "exit $?"
sed "s|$PG_TMP|TMP|g" err
echo '# a wrong password: 69, and the password is not in the message'
PULSE_DB="user=pulse_pw password=Wrong-Secret-42" pulse-extract pg 2>err || echo "exit $?"
sed "s|$PG_TMP|TMP|g" err
grep -c Wrong-Secret err || true
PGPASSWORD=Env-Secret-43 PGUSER=pulse_pw pulse-extract pg 2>err || echo "exit $?"
grep -c Env-Secret err || true
PULSE_DB="postgresql://pulse_pw:Uri-Secret-44@/pulse?host=$PGHOST" pulse-extract pg 2>err || echo "exit $?"
grep -c Uri-Secret err || true
PULSE_DB="user=pulse_pw password=Bad-Secret-45 bogus" pulse-extract pg 2>err || echo "exit $?"
cat err
grep -c Bad-Secret err || true
echo '# a password on the command line (--db) is refused: 64'
pulse-extract pg --db "user=pulse_pw password=Cmd-Secret-46" 2>err || echo "exit $?"
head -n 1 err
grep -c Cmd-Secret err || true
echo '# the right password, from PULSE_DB or --db-file'
PULSE_DB="user=pulse_pw password=$PG_TEST_PASSWORD" pulse-extract pg | cmp - pg.ndjson && echo same
(umask 077 && echo "user=pulse_pw password=$PG_TEST_PASSWORD" >db.conf)
pulse-extract pg --db-file db.conf | cmp - pg.ndjson && echo same
echo '# pulse-gen(1) EXAMPLES: the tables loaded with psql'
pg_sql 'CREATE DATABASE man'
export PGDATABASE=man
pulse-gen events --users 2000 --dict dict.csv --payments payments.csv \
    --expected expected.ndjson >events.csv
psql -q -f "$SAMPLES/sales-schema.sql"
psql -c "\copy events_dict FROM 'dict.csv' (FORMAT csv, HEADER)"
psql -c "\copy events FROM 'events.csv' (FORMAT csv, HEADER)"
psql -c "\copy payments FROM 'payments.csv' (FORMAT csv, HEADER)"
pulse-extract pg | cmp - expected.ndjson && echo same
