# pulse-merge writes the funnel tables of partial rows as pulse-funnel
# does: full precision, and null where the month before the period is
# unknown; the period's first month travels in the partial top_sources
# rows (first_month), so a shard that has no lead in that month still
# gets it right, and the merge is byte for byte one run's output.
L='"kind":"lead","semantic":"P","modified":null'
S='"kind":"stage","entity":"lead","semantic":"P"'
{
	for i in 1 2 3 4 5 6 7; do
		echo "{$L,\"id\":\"$i\",\"status\":\"NEW\",\"utm_source\":\"s$((i % 2))\",\"manager\":\"m$((i % 2))\",\"created\":\"2024-0$((i % 3 + 1))-1${i}T10:00:00Z\"}"
		echo "{$S,\"id\":\"$i\",\"stage\":\"NEW\",\"ts\":\"2024-03-20T10:00:00Z\"}"
	done
	echo "{$S,\"id\":\"1\",\"stage\":\"CALL\",\"ts\":\"2024-03-21T10:00:00Z\"}"
} >in.ndjson
for i in 1 2 3; do
	pulse-funnel --as-of 2024-04-01T00:00:00Z --partial --shard $i/3 in.ndjson >part.$i
done
grep -h '"table":"top_sources"' part.1 part.2 part.3 | grep -c '"first_month":"2024-01"' || true
pulse-merge part.1 part.2 part.3 >merged
pulse-funnel --as-of 2024-04-01T00:00:00Z in.ndjson >one
if cmp -s one merged; then echo "merged = one run"; else echo "merged differs from one run"; fi
grep -e '"table":"stages"' -e '"table":"top_sources"' -e '"table":"managers"' merged
