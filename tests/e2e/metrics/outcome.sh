# --by-outcome: each --durations histogram split in two, as the sales
# task's hypothesis asks (were the chains that ended in a payment handled
# faster?): outcome "payment" for the events a payment of the same user
# follows (anywhere later, in time order, equal times in input order),
# "other" for the rest; the last event of a user (no next event: null) is
# "other".  By hand, with --edges 0,1,2,4:
#   a: call 1h X, then payment            payment [1,2)
#   b: call 2.5h X, no payment            other [2,4)
#   c: call 3h payment, call (last)       payment [2,4); other null
#   d: call 0h payment (equal times)      payment [0,1)
#   f: the 10:20 call arrives first; in time order 10:00 call 1/3h
#      10:20 call 1h payment              payment [0,1), [1,2)
#   g: payment, then call 2h X            other [2,4): the payment is before
cat > in.ndjson <<'J'
{"user_id":"a","ts":"2025-03-01T10:00:00Z","event":"call"}
{"user_id":"a","ts":"2025-03-01T11:00:00Z","event":"X"}
{"user_id":"a","ts":"2025-03-01T12:00:00Z","event":"payment"}
{"user_id":"b","ts":"2025-03-01T10:00:00Z","event":"call"}
{"user_id":"b","ts":"2025-03-01T12:30:00Z","event":"X"}
{"user_id":"c","ts":"2025-03-01T10:00:00Z","event":"call"}
{"user_id":"c","ts":"2025-03-01T13:00:00Z","event":"payment"}
{"user_id":"c","ts":"2025-03-01T14:00:00Z","event":"call"}
{"user_id":"d","ts":"2025-03-01T10:00:00Z","event":"call"}
{"user_id":"d","ts":"2025-03-01T10:00:00Z","event":"payment"}
{"user_id":"f","ts":"2025-03-01T10:20:00Z","event":"call"}
{"user_id":"f","ts":"2025-03-01T10:00:00Z","event":"call"}
{"user_id":"f","ts":"2025-03-01T11:20:00Z","event":"payment"}
{"user_id":"g","ts":"2025-03-01T09:00:00Z","event":"payment"}
{"user_id":"g","ts":"2025-03-01T10:00:00Z","event":"call"}
{"user_id":"g","ts":"2025-03-01T12:00:00Z","event":"X"}
J
pulse-metrics --durations call --edges 0,1,2,4 --by-outcome in.ndjson
echo "-- --sorted gives the same bytes"
jq -c . in.ndjson | sort -s -t'"' -k4,4 > sorted.ndjson
pulse-metrics --durations call --edges 0,1,2,4 --by-outcome in.ndjson > a
pulse-metrics --durations call --edges 0,1,2,4 --by-outcome --sorted sorted.ndjson > b
cmp a b && echo same
echo "-- the two outcomes add up to the histogram without --by-outcome"
pulse-metrics --durations call --edges 0,1,2,4 in.ndjson | jq -c '[.counts, .count, .sum, .null]'
jq -sc '[(map(.counts) | transpose | map(add)), (map(.count) | add),
	(map(.sum) | add * 1e9 | round / 1e9), (map(.null) | add)]' a
echo "-- --payment-event names another event"
pulse-metrics --durations call --edges 0,1,2,4 --by-outcome --payment-event X in.ndjson |
	jq -c '[.key, .counts, .null]'

echo "-- against the reference (reference.py: Python's stable sort per user) on"
echo "   random events: late events, equal times; unsorted and --sorted"
PY=python3
[ -x /usr/bin/python3 ] && PY=/usr/bin/python3
R=$ROOT/tests/e2e/metrics/reference.py
for seed in 1 2 3 4 5; do
	$PY "$R" gen $seed $((seed * 300)) > ev.ndjson
	$PY "$R" durations 'A,pay,Я,d"q' 0,1.5,3,6,24,48 pay < ev.ndjson > want
	pulse-metrics --durations 'A,pay,Я,d"q' --edges 0,1.5,3,6,24,48 --by-outcome \
		--payment-event pay ev.ndjson > got.ndjson
	jq -c '{key, counts, count, sum, null}' got.ndjson | cmp - want || echo "seed $seed differs"
	jq -r '"\(.user_id)\t\(tojson)"' ev.ndjson | sort -s -k1,1 | cut -f2- |
		pulse-metrics --durations 'A,pay,Я,d"q' --edges 0,1.5,3,6,24,48 \
			--by-outcome --payment-event pay --sorted | cmp - got.ndjson ||
		echo "seed $seed --sorted differs"
done
echo done

echo "-- the sales sample: split in shards by user, merged, the bytes of one run"
S=$SAMPLES
pulse-extract events --dict "$S/sales-dict.csv" --payments "$S/sales-small-payments.csv" \
	"$S/sales-small-events.csv" > ev.ndjson
args=(--by-outcome --durations 'Назначение задачи на звонок 1Л,Назначена задача на вторую линию')
pulse-metrics "${args[@]}" ev.ndjson > whole
for i in 1 2 3; do
	pulse-metrics "${args[@]}" --shard $i/3 ev.ndjson > shard.$i
done
pulse-merge shard.3 shard.1 shard.2 | cmp - whole && echo "--shard 1/3 .. 3/3 merged: same"
jq -c '[.key, .count, .null, .p50, .p90]' whole
echo "-- a sorted run holds the same"
jq -r '"\(.user_id)\t\(tojson)"' ev.ndjson | sort -s -k1,1 | cut -f2- |
	pulse-metrics "${args[@]}" --sorted | cmp - whole && echo same

echo "-- usage"
for a in "--by-outcome --defs defs.json" "--durations a --payment-event pay" \
	"--durations a --by-outcome --payment-event="; do
	echo '{"metrics":[{"name":"v","event":"V"}]}' > defs.json
	# shellcheck disable=SC2086
	pulse-metrics $a </dev/null 2>err && echo "no failure?" || echo "[$a]: exit $?"
	head -n 1 err
done
echo "-- the records keep schemas/histogram.schema.json"
PY=python3
[ -x /usr/bin/python3 ] && PY=/usr/bin/python3 # Debian's, with python3-jsonschema
$PY "$ROOT/tests/schemas/validate.py" "$ROOT/schemas" whole
