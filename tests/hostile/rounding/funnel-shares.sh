# pulse-funnel: shares, conversions and means carry full precision (the
# shortest form that reads back as the same double, as jq prints), not
# four, two or one decimals: 1/3 is 0.3333333333333333, not 0.3333
L='"kind":"lead","semantic":"P","utm_source":"web","modified":null'
S='"kind":"stage","entity":"lead","semantic":"P"'
{
	for i in 1 2 3 4 5 6; do
		m=Anna
		[ $i -gt 4 ] && m=Boris
		st=NEW
		[ $i -le 2 ] && st=IN_PROCESS
		echo "{$L,\"id\":\"$i\",\"status\":\"$st\",\"manager\":\"$m\",\"created\":\"2024-01-1$((i / 2))T10:00:00Z\"}"
		echo "{$S,\"id\":\"$i\",\"stage\":\"NEW\",\"ts\":\"2024-01-1${i}T10:00:00Z\"}"
	done
	echo "{$S,\"id\":\"1\",\"stage\":\"IN_PROCESS\",\"ts\":\"2024-01-17T10:00:00Z\"}"
	echo "{$S,\"id\":\"2\",\"stage\":\"IN_PROCESS\",\"ts\":\"2024-01-18T10:00:00Z\"}"
} >in.ndjson
pulse-funnel --as-of 2024-01-20T00:00:00Z in.ndjson >out.ndjson
grep -e '"table":"stages"' -e '"table":"managers"' -e '"table":"age"' out.ndjson
