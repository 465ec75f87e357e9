# pulse-funnel's records validate against schemas/funnel.schema.json, with
# and without --by, with the stale list
PY=python3
[ -x /usr/bin/python3 ] && PY=/usr/bin/python3 # Debian's, with python3-jsonschema
D=$ROOT/tests/e2e/funnel
IN="$D/leads.ndjson $D/stages.ndjson $D/deals.ndjson"
pulse-funnel --as-of 2024-04-10T00:00:00Z --stale-days 0 $IN 2>/dev/null > all.ndjson
pulse-funnel --by manager --stale-days 0 $IN 2>/dev/null > manager.ndjson
pulse-funnel --by quarter $IN 2>/dev/null > quarter.ndjson
$PY "$ROOT/tests/schemas/validate.py" "$ROOT/schemas" all.ndjson manager.ndjson quarter.ndjson
jq -r .table all.ndjson | uniq | tr '\n' ' '
echo
# the partial rows (--partial, and pulse-merge --partial of shards) too; a
# partial row with a derived member, a final one with a partial member fail
pulse-funnel --as-of 2024-04-10T00:00:00Z --stale-days 0 --partial $IN 2>/dev/null > p-all.ndjson
for i in 1 2; do
	pulse-funnel --by manager --stale-days 0 --partial --shard $i/2 $IN 2>/dev/null > p-$i.ndjson
done
pulse-merge --partial p-1.ndjson p-2.ndjson > p-merged.ndjson
$PY "$ROOT/tests/schemas/validate.py" "$ROOT/schemas" p-all.ndjson p-merged.ndjson
jq -r .table p-all.ndjson | uniq | tr '\n' ' '
echo
head -n 1 p-all.ndjson | jq -c '.share = 0.5' > bad.ndjson
jq -c 'select(.table == "managers") | .lead_days = []' all.ndjson | head -n 1 >> bad.ndjson
jq -c 'select(.table == "managers") | del(.lead_days)' p-all.ndjson | head -n 1 >> bad.ndjson
$PY "$ROOT/tests/schemas/validate.py" "$ROOT/schemas" bad.ndjson | sed 's/^\([^:]*:[0-9]*\):.*/\1: invalid/' || true
