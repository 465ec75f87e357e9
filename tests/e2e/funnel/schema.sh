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
