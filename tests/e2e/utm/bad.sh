# bad maps and alias files stop before any output (65; 66 when missing);
# a bad record names its field
echo '{"kind":"lead","id":"1","utm_source":null,"utm_content":"1"}' > in.ndjson
printf 'utm_content,utm_source,colour\n1,a,red\n' > m1.csv
printf 'utm_content,utm_source,utm_source\n1,a,b\n' > m2.csv
printf 'utm_content,utm_source\n1,a,b\n' > m3.csv
printf 'utm_content,utm_source\n,a\n' > m4.csv
printf '' > m5.csv
printf 'utm_content,utm_source\n"1,a\n' > m6.csv
printf 'from,to\na,b\n' > a1.csv
printf 'alias,canonical,field\na,b,colour\n' > a2.csv
printf 'alias,canonical\na,\n' > a3.csv
for args in "--map m1.csv" "--map m2.csv" "--map m3.csv" "--map m4.csv" "--map m5.csv" \
	"--map m6.csv" "--map nosuch.csv" "--alias a1.csv" "--alias a2.csv" "--alias a3.csv"; do
	set +e
	pulse-utm $args -o out.ndjson in.ndjson 2> err
	echo "$args: exit $?"
	set -e
	cat err
	[ ! -e out.ndjson ] || echo "out.ndjson written"
done
printf '{"kind":"lead","id":"1","utm_source":["a"]}\n{"kind":"lead","id":"2","utm_source":"b"}\n' > bad.ndjson
set +e
pulse-utm bad.ndjson
echo "exit $?"
set -e
pulse-utm --on-error=skip bad.ndjson
