# pulse-gen events --by-user: the --expected records grouped by user, each
# user's in the order of the time-ordered file; pulse-sankey and
# pulse-metrics --sorted give on it what they give on the time-ordered file.
pulse-gen events --users 3000 --seed 5 --format ndjson --expected t.ndjson -o e1 \
	--payments p1 --dict d1
pulse-gen events --users 3000 --seed 5 --format ndjson --expected u.ndjson -o e2 \
	--payments p2 --dict d2 --by-user
echo '# the tables are the same bytes; the records the same lines'
for f in e p d; do cmp ${f}1 ${f}2 && echo "$f: same"; done
cmp <(sort t.ndjson) <(sort u.ndjson) && echo 'records: same lines'
[ "$(wc -l <u.ndjson)" -gt 20000 ] && echo 'more than 20000 records'
echo '# grouped: a user_id never comes back after another one'
jq -r .user_id u.ndjson | uniq | sort | uniq -d | wc -l
echo '# the time-ordered records stably grouped by user (user ids grow with the users) are the same bytes'
jq -r '.user_id' t.ndjson | paste - t.ndjson | sort -s -n -k1,1 | cut -f2- | cmp - u.ndjson &&
	echo 'same order'
echo '# --sorted on them: the same answers'
cmp <(pulse-sankey t.ndjson) <(pulse-sankey --sorted u.ndjson) && echo 'sankey: same'
cmp <(pulse-metrics --defs "$SAMPLES/sales-metrics.json" t.ndjson) \
	<(pulse-metrics --defs "$SAMPLES/sales-metrics.json" --sorted u.ndjson) &&
	echo 'metrics: same'
echo '# a time-ordered file is not grouped'
pulse-sankey --sorted t.ndjson >/dev/null 2>err || echo "exit $?"
