# pulse-extract events --dict: a UTF-8 BOM and CRLF line ends are read,
# in CSV and NDJSON; a file that is empty or a header alone is exit 65
# naming it (every event then failed naming the events file instead)
printf 'id,user_id,event_id,created_at\n1,7,1,2025-12-31 10:20:03+00\n' >events.csv
printf '\357\273\277id,name\r\n1,visit\r\n' >dict.csv
printf '\357\273\277{"id":1,"name":"visit"}\r\n' >dict.ndjson
for f in dict.csv dict.ndjson; do
	pulse-extract events --dict $f events.csv
done
: >empty.csv
printf 'id,name\r\n' >header.csv
for f in empty.csv header.csv; do
	echo "# --dict $f"
	pulse-extract events --dict $f events.csv || echo "exit $?"
done
