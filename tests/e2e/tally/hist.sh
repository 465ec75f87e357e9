# --hist: fixed buckets, counts[0] below the first edge, counts[k] for
# edges[k-1] <= v < edges[k], the last from the last edge up; a value on an
# edge goes to the bucket above it; null and absent are counted in "null"
cat > in.ndjson <<'J'
{"c":"x","h":0}
{"c":"x","h":0.5}
{"c":"x","h":1}
{"c":"x","h":23.99}
{"c":"x","h":24}
{"c":"y","h":-3}
{"c":"y","h":1440}
{"c":"y","h":100000}
{"c":"y","h":null}
{"c":"y"}
{"c":"x","h":"7.25"}
J
pulse-tally --hist h in.ndjson
echo "-- by c, own edges"
pulse-tally --by c --hist h --edges 0,1,24 in.ndjson
