# --format ndjson writes the same records as the JSON array, one a line.
pulse-gen odoo --tickets 200 --seed 3 --tickets-out t.json --users u.json >m.json
pulse-gen odoo --tickets 200 --seed 3 --format ndjson --tickets-out t.ndjson \
	--users u.ndjson >m.ndjson
for f in m t u; do
	jq -c '.[]' $f.json | cmp -s - $f.ndjson && echo "$f: same records" || echo "$f: differ"
	jq -e . $f.ndjson >/dev/null && echo "$f: valid NDJSON"
done
echo '# the array has one record a line between its brackets'
head -n 1 m.json
tail -n 1 m.json
[ "$(wc -l <m.json)" = "$(($(wc -l <m.ndjson) + 2))" ] && echo 'lines: records + 2'
echo '# no tickets: an empty array, no lines'
pulse-gen odoo --tickets 0 --labels l0.ndjson --tickets-out t0.json
pulse-gen odoo --tickets 0 --format ndjson | wc -c
wc -c <l0.ndjson
cat t0.json
