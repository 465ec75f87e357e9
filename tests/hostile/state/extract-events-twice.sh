# pulse-extract events: a dump given twice (or two dumps that overlap)
# wrote every event twice, exit 0, and every metric counted it twice.  A
# row of one table with the id and created_at of one written already is
# a bad row, in both orders of work.
printf 'id,name\n1,visit\n' >dict.csv
printf 'id,user_id,event_id,created_at\n1,7,1,2025-12-31 10:20:03+00\n2,8,1,2025-12-31 10:21:03+00\n' >a.csv
printf 'id,user_id,event_id,created_at\n2,8,1,2025-12-31 10:21:03+00\n3,9,1,2025-12-31 10:22:03+00\n' >b.csv
pulse-extract events --dict dict.csv a.csv b.csv || echo "exit $?"
pulse-extract events --dict dict.csv --on-error=skip a.csv a.csv b.csv | wc -l
pulse-extract events --dict dict.csv --sorted --on-error=skip a.csv b.csv | wc -l
