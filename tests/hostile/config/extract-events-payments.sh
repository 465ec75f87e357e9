# pulse-extract events --payments: a UTF-8 BOM and CRLF line ends are
# read; a file that is empty, or NDJSON of the events table, is exit 65
# naming it (it was read as no payments)
printf 'id,name\n1,visit\n' >dict.csv
printf 'id,user_id,event_id,created_at\n1,7,1,2025-12-31 10:20:03+00\n' >events.csv
printf '\357\273\277id,user_id,amount,created_at\r\n1,7,10.50,2025-12-31 11:00:00+00\r\n' >pay.csv
printf '\357\273\277{"id":1,"user_id":7,"amount":"10.50","created_at":"2025-12-31 11:00:00+00"}\r\n' >pay.ndjson
for f in pay.csv pay.ndjson; do
	pulse-extract events --dict dict.csv --payments $f events.csv | tail -n 1
done
: >empty.csv
printf '{"id":1,"user_id":7,"event_id":1,"created_at":"2025-12-31 10:20:03+00"}\n' >ev.ndjson
for f in empty.csv ev.ndjson; do
	echo "# --payments $f"
	pulse-extract events --dict dict.csv --payments $f events.csv || echo "exit $?"
done
