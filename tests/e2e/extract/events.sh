# pulse-extract events: the dumps of events, events_dict and payments (CSV
# with a header or NDJSON, plain or zstd) give the records pulse-extract pg
# gives (pg-default.sh checks that one against the server): the same as
# pulse-gen's expected records, in (time, events before payments, id)
# order, sorted in memory or merged (--sorted).
pulse-gen events --users 300 --seed 7 --dict d.csv --payments p.csv \
	--expected expected.ndjson -o e.csv
pulse-gen events --users 300 --seed 7 --format ndjson --dict d.ndjson \
	--payments p.ndjson -o e.ndjson
wc -l <expected.ndjson
echo '# CSV, NDJSON, zstd, sorted and merged: all the expected records'
pulse-extract events --dict d.csv --payments p.csv e.csv | cmp - expected.ndjson && echo csv
pulse-extract events --dict d.ndjson --payments p.ndjson e.ndjson | cmp - expected.ndjson && echo ndjson
zstd -q e.csv p.ndjson
pulse-extract events --sorted --dict d.csv --payments p.ndjson.zst e.csv.zst |
	cmp - expected.ndjson && echo 'zstd, mixed, --sorted'
echo '# rows in another order: sorted in memory, refused by --sorted'
echo '# rows in another order: sorted in memory, refused by --sorted' >&2
{ head -n 1 e.csv; tail -n +2 e.csv | sort -t, -k2,2 -k1,1n; } >shuffled.csv
pulse-extract events --dict d.csv --payments p.csv shuffled.csv | cmp - expected.ndjson && echo sorted
pulse-extract events --sorted --dict d.csv --payments p.csv shuffled.csv >/dev/null || echo "exit $?"
echo '# split files, one after the other'
head -n 1 e.csv >e1.csv
sed -n '2,500p' e.csv >>e1.csv
{ head -n 1 e.csv; tail -n +501 e.csv; } >e2.csv
pulse-extract events --sorted --dict d.csv --payments p.csv e1.csv e2.csv |
	cmp - expected.ndjson && echo 'two files'
echo '# no header line'; echo '# no header line' >&2
tail -n +2 e.csv | pulse-extract events --dict d.csv --payments p.csv 2>err || true
head -n 1 err >&2

echo '# what dumps hold: ; and a BOM, CRLF, quotes, newlines, zones, text ids'
printf '\357\273\277id;name;description\r\n1;"Звонок; ""1Л""";x\r\n2;"two\r\nlines";\r\n' >dict.csv
cat >ev.csv <<'CSV'
id;event_id;created_at;user_id
5;1;2025-03-01 13:15:00+03;12
6;2;2025-03-01 10:15:00.120+00;u-7
7;1;2025-03-01T10:15:00Z;007
8;2;2025-03-01 10:15:00;-3
CSV
printf '{"id":1,"user_id":"12","amount":"10.5","created_at":"2025-03-01T10:15:00+00:00"}\n' >pay.ndjson
pulse-extract events --dict dict.csv --payments pay.ndjson ev.csv
echo '# no id column: numbered in file order'
printf 'user_id,event_id,created_at\n2,1,2025-03-01 10:00:00+00\n1,1,2025-03-01 10:00:00+00\n' |
	pulse-extract events --dict dict.csv
echo '# bad rows: fail (65), skip, quarantine'
cat >bad.csv <<'CSV'
id,user_id,event_id,created_at
1,1,1,2025-03-01 10:00:00+00
2,1,9,2025-03-01 10:00:00+00
3,,1,2025-03-01 10:00:00+00
4,1,1,yesterday
5,1,x,2025-03-01 10:00:00+00
6,"1
2",1,2025-03-01 10:00:00+00
7,"x""y
z",9,2025-03-01 10:00:00+00
CSV
printf 'id,user_id,amount,created_at\n1,1,NaN,2025-03-01 10:00:00+00\n' >badpay.csv
echo '# fail'; echo '# fail' >&2
pulse-extract events --dict dict.csv bad.csv || echo "exit $?"
echo '# skip, and a bad payment'; echo '# skip, and a bad payment' >&2
pulse-extract events --dict dict.csv --payments badpay.csv --on-error=skip bad.csv
echo '# quarantine'; echo '# quarantine' >&2
pulse-extract events --dict dict.csv --on-error=quarantine:q.txt bad.csv
cat q.txt
echo '# usage and files'
echo '# no --dict'; echo '# no --dict' >&2
pulse-extract events e.csv || echo "exit $?"
echo '# a missing --dict file'; echo '# a missing --dict file' >&2
pulse-extract events --dict nosuch.csv e.csv || echo "exit $?"
echo '# a missing events file'; echo '# a missing events file' >&2
pulse-extract events --dict d.csv nosuch.csv || echo "exit $?"
echo '# no event_id column'; echo '# no event_id column' >&2
printf 'id,user_id,created_at\n' | pulse-extract events --dict d.csv || echo "exit $?"
echo '# events given as payments'; echo '# events given as payments' >&2
pulse-extract events --dict d.csv --payments e.csv e.csv || echo "exit $?"
echo '# pulse-extract(1) EXAMPLES'; echo '# pulse-extract(1) EXAMPLES' >&2
cp d.csv events_dict.csv
zstd -q -c p.csv >payments.csv.zst
{ head -n 1 e.csv; tail -n +2 e.csv | awk -F, '$4 < "2026"'; } | zstd -q >events-2025.csv.zst
{ head -n 1 e.csv; tail -n +2 e.csv | awk -F, '$4 >= "2026"'; } | zstd -q >events-2026.csv.zst
pulse-extract events --dict events_dict.csv \
	--payments payments.csv.zst events-2025.csv.zst events-2026.csv.zst |
	cmp - expected.ndjson && echo 'the expected records'
