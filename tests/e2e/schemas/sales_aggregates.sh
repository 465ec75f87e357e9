# The aggregates of the sales job on generated events validate against
# their schemas (link, metric, histogram), and the --sorted modes give what
# the unsorted ones give on the same events grouped by user.
PY=python3
[ -x /usr/bin/python3 ] && PY=/usr/bin/python3 # Debian's, with python3-jsonschema
pulse-gen events --users 400 --expected ev.ndjson -o /dev/null
defs=$SAMPLES/sales-metrics.json
pulse-sankey ev.ndjson > links.ndjson
pulse-sankey --steps 4 --require 'Общение в WhatsApp,Переход на ДУ (ДУ начался)' ev.ndjson > links2.ndjson
pulse-metrics --defs "$defs" --tz Europe/Moscow \
	--durations 'Назначение задачи на звонок 1Л,Назначена задача на вторую линию' ev.ndjson > metrics.ndjson
pulse-metrics --defs "$defs" --partial ev.ndjson > partial.ndjson
$PY "$ROOT/tests/schemas/validate.py" "$ROOT/schemas" links.ndjson links2.ndjson metrics.ndjson partial.ndjson
# grouped by user (ids in reverse text order), each user's events in input order
jq -r '"\(.user_id)\t\(tojson)"' ev.ndjson | sort -s -r -k1,1 | cut -f2- > grouped.ndjson
pulse-sankey --sorted grouped.ndjson | cmp - links.ndjson
pulse-metrics --sorted --defs "$defs" --tz Europe/Moscow \
	--durations 'Назначение задачи на звонок 1Л,Назначена задача на вторую линию' grouped.ndjson |
	cmp - metrics.ndjson
echo "sorted = unsorted"
