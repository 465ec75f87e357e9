# pulse-sankey against a slow, obvious reference (../metrics/reference.py:
# Python's stable sort per user) on random events: many equal times, late
# events, offsets and naive times, numbers and strings as user ids.
PY=python3
[ -x /usr/bin/python3 ] && PY=/usr/bin/python3
R=$ROOT/tests/e2e/metrics/reference.py
for seed in 1 2 3 4 5; do
	$PY "$R" gen $seed $((seed * 300)) > ev.ndjson
	for args in "7" "2" "4 B,Я" "12 d\"q"; do
		set -- $args
		$PY "$R" sankey "$@" < ev.ndjson > want
		if [ $# -gt 1 ]; then req=(--require "$2"); else req=(); fi
		pulse-sankey --steps "$1" "${req[@]}" ev.ndjson > got
		cmp want got || echo "seed $seed $args differs"
		jq -r '"\(.user_id)\t\(tojson)"' ev.ndjson | sort -s -k1,1 | cut -f2- |
			pulse-sankey --sorted --steps "$1" "${req[@]}" > got
		cmp want got || echo "seed $seed $args --sorted differs"
	done
done
echo done
