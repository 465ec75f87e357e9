# pulse-tally over three shards of the Odoo sample's labels, merged, is
# byte for byte pulse-tally over all of them: counts, exact sums (with
# nulls skipped), histograms after their count record, every --sort-by.
zstd -dc "$SAMPLES/odoo-labels.ndjson.zst" > labels.ndjson
args=(--by category,topics --sum first_response_hours --sum days_waiting
	-H first_response_hours -H days_waiting)
# --sort-by first needs consecutive pieces, in their order
split -n l/3 -d labels.ndjson line.
# count and key do not: shards by ticket, as --shard would split them
for i in 0 1 2; do
	jq -c "select(.ticket_id % 3 == $i)" labels.ndjson > mod.$i
done
for order in first count key; do
	pulse-tally "${args[@]}" --sort-by $order labels.ndjson > whole.$order
	for s in line mod; do
		[ $order = first ] && [ $s = mod ] && continue
		for i in 0 1 2; do
			pulse-tally "${args[@]}" --sort-by $order $s.*$i > out.$i
		done
		pulse-merge --sort-by $order out.0 out.1 out.2 > merged
		cmp merged whole.$order && echo "$order, $s shards: same"
	done
done
echo "-- the first groups by key, merged"
head -n 3 merged | cut -c1-160
echo "-- an empty shard (no records: nothing) and a shard of one record"
: > empty
head -n 1 labels.ndjson > one
tail -n +2 labels.ndjson > rest
for f in empty one rest; do pulse-tally "${args[@]}" $f > $f.out; done
wc -l < empty.out
pulse-merge empty.out one.out empty.out rest.out | cmp - whole.first && echo "same"
echo "-- no --by: the zero total of an empty shard adds up too"
pulse-tally --sum days_waiting empty > t.empty
cat t.empty
pulse-tally --sum days_waiting one > t.one
pulse-tally --sum days_waiting rest > t.rest
pulse-merge t.empty t.one t.rest
pulse-tally --sum days_waiting labels.ndjson
echo "-- records through jq (spaces, other escapes) find their groups"
jq -s . out.0 > spaced.0 # one pretty-printed JSON array
jq -c '.key |= map(if type == "string" then ascii_downcase else . end)' out.1 > lower.1
sed 's/_/\\u005f/g' lower.1 > escaped.1
grep -m 1 -o '"key":[^]]*]' escaped.1
pulse-merge --sort-by key spaced.0 out.1 out.2 | cmp - whole.key && echo "same"
pulse-merge lower.1 escaped.1 > twice
pulse-merge lower.1 lower.1 | cmp - twice && echo "escaped keys: same groups"
