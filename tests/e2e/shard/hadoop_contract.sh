# The Hadoop Streaming contract, simulated here without Hadoop: each map
# task gets a split of the lines and writes KEY TAB VALUE lines; the
# shuffle sorts them by key (the text before the first tab) and gives all
# of a key's lines to one reducer; each reducer writes a part file; the
# parts are merged.  For every aggregate the result must be the single
# run's bytes.  Done by hand here (split, sort, awk), and by
# pulse-hadoop --local.
S=$SAMPLES
pulse-extract events --dict "$S/sales-dict.csv" --payments "$S/sales-payments.csv.zst" \
	"$S/sales-events.csv.zst" > ev.ndjson
zstdcat "$S/odoo-labels.ndjson.zst" > labels.ndjson
cp "$S/sales-metrics.json" defs.json
TAB=$(printf '\t')

# streaming INPUT MAPPER REDUCER: the merged parts on stdout
streaming() {
	rm -rf job && mkdir job
	split -n l/4 -d "$1" job/split.
	for s in job/split.??; do
		eval "$2" < "$s" > "$s.map" || echo "mapper failed: $?"
	done
	cat job/*.map | LC_ALL=C sort -t "$TAB" -k1,1 -s > job/shuffled
	# a key's lines all go to one of three reducers: by the key's length
	# and last byte, so that keys interleave across reducers
	awk -F "$TAB" '{ r = (length($1) + index("0123456789", substr($1, length($1)))) % 3;
		print > ("job/reduce." r) }' job/shuffled
	for r in 0 1 2; do
		touch job/reduce.$r
		eval "$3" < job/reduce.$r > job/part-$r || echo "reducer failed: $?"
	done
	cat job/part-* | eval "$4"
}
check() { # name single-run-command mapper reducer merge
	eval "$2" < "$5" > one
	streaming "$5" "$3" "$4" "$6" > many
	if cmp -s one many; then echo "same: $1 ($(wc -l < one) records)"; else echo "DIFFER: $1"; diff one many | head -5; fi
}
check sankey 'pulse-sankey' 'pulse-sankey --map' 'pulse-sankey --keyed --sorted' \
	ev.ndjson 'pulse-merge'
check 'sankey --steps 3' 'pulse-sankey --steps 3' 'pulse-sankey --steps 3 --map' \
	'pulse-sankey --steps 3 --keyed --sorted' ev.ndjson 'pulse-merge'
check metrics 'pulse-metrics --defs defs.json --durations payment' \
	'pulse-metrics --defs defs.json --durations payment --map' \
	'pulse-metrics --defs defs.json --durations payment --keyed --sorted --partial' \
	ev.ndjson 'pulse-merge'
check 'tally by count' "pulse-tally -b 'category,topics' -s days_waiting --sort-by count" \
	"pulse-tally -b 'category,topics' -s days_waiting --sort-by count" \
	'pulse-merge --partial' labels.ndjson 'pulse-merge --sort-by count'
check 'tally hist by key' "pulse-tally -b priority -H first_response_hours --sort-by key" \
	"pulse-tally -b priority -H first_response_hours --sort-by key" \
	'pulse-merge --partial' labels.ndjson 'pulse-merge --sort-by key'
# the mapper's lines: the key, a tab, the record as it came
pulse-sankey --map ev.ndjson | head -1 | cut -c1-60
# pulse-hadoop --local runs the same contract
pulse-sankey ev.ndjson > one
pulse-hadoop --local -i ev.ndjson 'pulse-sankey' > many && cmp one many && echo "same: pulse-hadoop --local sankey"
pulse-metrics --defs defs.json ev.ndjson > one
pulse-hadoop --local --reducers 3 -i ev.ndjson "pulse-metrics --defs defs.json" > many &&
	cmp one many && echo "same: pulse-hadoop --local metrics"
pulse-tally -b category --sort-by count labels.ndjson > one
pulse-hadoop --local -i labels.ndjson "pulse-tally -b category --sort-by count" > many &&
	cmp one many && echo "same: pulse-hadoop --local tally"
# what it prints for a cluster
pulse-hadoop --reducers 8 -i /data/events -O /out/sankey --jar streaming.jar 'pulse-sankey --steps 7'
pulse-hadoop -i /data/events -O /out/m --jar s.jar "pulse-metrics --defs $S/sales-metrics.json" | sed "s|$S|SAMPLES|g"
echo '# pulse-tally without --sort-by' >&2
st=0; pulse-hadoop -i x -O y 'pulse-tally -b category' || st=$?; echo "exit $st"
echo '# pulse-funnel' >&2
st=0; pulse-hadoop -i x -O y 'pulse-funnel' || st=$?; echo "exit $st"
