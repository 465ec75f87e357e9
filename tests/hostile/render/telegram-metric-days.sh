# 301 metric records of 300 names on 0001-01-01 and one on 9999-12-31: the
# series were arrays of every day between (29 MB a name), so the run ran
# out of memory (exit 71 under this 2 GB limit, after seconds); now memory
# goes with the records and the payload is written
for i in $(seq 1 300); do
	echo "{\"kind\":\"metric\",\"name\":\"m$i\",\"day\":\"0001-01-01\",\"value\":1}"
done > m.ndjson
echo '{"kind":"metric","name":"last","day":"9999-12-31","value":2}' >> m.ndjson
# (AddressSanitizer reserves terabytes of address space: no limit there)
ldd "$(command -v pulse-render)" | grep -q libasan || ulimit -v 2000000
pulse-render --format telegram --chat-id 1 m.ndjson > out.ndjson
jq -r .text out.ndjson | head -n 5
jq -r .text out.ndjson | grep -c ': n/a$'
