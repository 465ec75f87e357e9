# pulse-metrics against a slow, obvious reference (reference.py: Python's
# stable sort per user) on random events: many equal times, late events,
# offsets and naive times, numbers and strings as user ids.
PY=python3
[ -x /usr/bin/python3 ] && PY=/usr/bin/python3
R=$ROOT/tests/e2e/metrics/reference.py
printf '%s' '{"metrics":[{"name":"m1","event":"pay","after":["A","Я"]},{"name":"m2","event":"B"},{"name":"m3","event":"d\"q","after":["d\"q"]}]}' > defs.json
for seed in 1 2 3 4 5; do
	$PY "$R" gen $seed $((seed * 300)) > ev.ndjson
	for off in 0 180 -300; do
		tz=$(printf '%+03d:%02d' $((off / 60)) $(((off < 0 ? -off : off) % 60)))
		$PY "$R" metrics defs.json $off < ev.ndjson > want
		pulse-metrics --defs defs.json --tz "$tz" ev.ndjson > got
		cmp want got || echo "seed $seed --tz $tz differs"
		jq -r '"\(.user_id)\t\(tojson)"' ev.ndjson | sort -s -k1,1 | cut -f2- |
			pulse-metrics --sorted --defs defs.json --tz "$tz" > got
		cmp want got || echo "seed $seed --tz $tz --sorted differs"
	done
done
echo done
