# The Sankey's exit nodes: the users whose events end before the last step
# leave a node after the first step without going on (its users in minus
# its users out, exact in pulse-sankey's links) into one grey exit node at
# the bottom of the next column; the exits and the last column add up to
# the first column.  sales-links.ndjson: 145 links of 3000 synthetic users.
L=$ROOT/tests/e2e/render/sales-links.ndjson
C=$ROOT/tests/tools/svg_check.py
pulse-render -f svg "$L" > s.svg
python3 "$C" sankey s.svg
echo "-- the exits by column, from the links by jq: in minus out per node"
jq -s '(map(.step) | max + 1) as $n
	| (map({k: "\(.step + 1)\u0000\(.to)", v: .value})
	   + map({k: "\(.step)\u0000\(.from)", v: -.value}))
	| group_by(.k) | map({col: (.[0].k | split("\u0000")[0] | tonumber),
		left: (map(.v) | add)})
	| map(select(.col > 1 and .col < $n)) | group_by(.col)
	| map("step \(.[0].col + 1): \(map(.left) | add)") | .[]' -r "$L"
grep -o '<rect [^>]*class="exit"><title>[^<]*' s.svg | sed 's/.*<title>//'
echo "-- exit bands: one per node with users leaving, grey, each with its count"
grep -c '<path [^>]*class="exit"' s.svg
grep -o '<path [^>]*class="exit"[^>]*><title>[^<]*' s.svg | sed 's/.*<title>//' | head -n 3
python3 "$C" labels s.svg label,step,title,subtitle
echo "-- one link: nobody leaves early, no exit node"
echo '{"kind":"link","step":1,"from":"a","to":"b","value":3}' | pulse-render -f svg > one.svg
grep -c 'class="exit"' one.svg || true
echo "-- links that do not add up (more users go on than came): exit 65, named"
printf '%s\n' '{"kind":"link","step":1,"from":"a","to":"b","value":2}' \
	'{"kind":"link","step":2,"from":"b","to":"c","value":3}' > bad.ndjson
pulse-render -f svg bad.ndjson > out 2> err && echo "no failure?" || echo "exit $?"
cat err
wc -c < out
