# -j N: pulse-tally, pulse-sankey, pulse-metrics, pulse-funnel and
# pulse-classify on 2 and 3 threads write what one thread writes, byte for byte - the output, the
# messages (bad records in input order, with their file and line), the
# quarantine file and the exit status - on the generator's events and on
# the second shape (tests/tools/reshape: members reversed, blanks, UUID
# users, \u escapes), from one file, from two, from a zstd file and from
# a pipe, with bad records skipped, quarantined, or failing the run.
S=$SAMPLES
pulse-gen events -n 3000 --format ndjson -o /dev/null --expected ev.ndjson
"$B/tests/tools/reshape" < ev.ndjson > ev2.ndjson
# bad records here and there: not JSON, no user, not an event, a bad time
awk 'NR % 997 == 0 { print "{\"user_id\":" NR ",\"ts\":\"yesterday\",\"event\":\"x\"}" }
	NR % 1499 == 0 { print "{\"ts\":\"2025-03-01T10:00:00Z\",\"event\":\"x\"}" }
	NR % 2003 == 0 { print "not json" }
	{ print }' ev.ndjson > bad.ndjson
split -l 4000 ev.ndjson part.
zstd -q -o ev.ndjson.zst ev.ndjson
pulse-extract events --dict "$S/sales-dict.csv" --payments "$S/sales-payments.csv.zst" \
	"$S/sales-events.csv.zst" > sales.ndjson
pulse-extract bitrix --users "$S/bitrix-users.json" --statuses "$S/bitrix-statuses.json" \
	"$S/bitrix-leads.json.zst" "$S/bitrix-deals.json.zst" \
	"$S/bitrix-history.json.zst" "$S/bitrix-deal-history.json.zst" > crm.ndjson 2>/dev/null
pulse-extract odoo --tickets "$S/odoo-tickets.json.zst" --staff-users "$S/odoo-users.json" \
	--rules "$S/odoo-sample.rules" "$S/odoo-messages.json.zst" 2>/dev/null >messages.ndjson
echo "events: $(wc -l < ev.ndjson), crm records: $(wc -l < crm.ndjson)," \
	"messages: $(wc -l < messages.ndjson)"

# run NAME CMD...: CMD with -j 1, 2 and 3 (stdin from $IN when set)
run() {
	local name=$1 j st
	shift
	for j in 1 2 3; do
		st=0
		if [ -n "${IN:-}" ]; then
			"$@" -j $j < "$IN" > out.$j 2> err.$j || st=$?
		else
			"$@" -j $j > out.$j 2> err.$j || st=$?
		fi
		echo $st > st.$j
		[ -f q.ndjson ] && mv q.ndjson q.$j
	done
	for j in 2 3; do
		if cmp -s out.1 out.$j && cmp -s err.1 err.$j && cmp -s st.1 st.$j &&
			{ [ ! -f q.1 ] || cmp -s q.1 q.$j; }; then
			:
		else
			echo "DIFFER -j $j: $name"
			diff out.1 out.$j | head -5
			diff err.1 err.$j | head -5
		fi
	done
	echo "same: $name (exit $(cat st.1), $(wc -l < out.1) records, $(wc -l < err.1) messages)"
	rm -f q.1 q.2 q.3
}

for f in ev.ndjson ev2.ndjson; do
	run "tally $f" pulse-tally -b event "$f"
	run "tally by day, sums, count order $f" pulse-tally -b 'event,day(ts)' \
		--sum user_id --sort-by count "$f"
	run "sankey $f" pulse-sankey "$f"
	run "sankey --require $f" pulse-sankey --steps 4 --require payment "$f"
	run "metrics durations $f" pulse-metrics --durations payment --by-outcome "$f"
done
run "tally, two files" pulse-tally -b event part.aa part.ab
run "sankey, two files" pulse-sankey part.aa part.ab
run "tally zstd" pulse-tally -b event ev.ndjson.zst
run "sankey zstd" pulse-sankey ev.ndjson.zst
IN=ev.ndjson run "tally stdin" pulse-tally -b event
IN=ev2.ndjson run "sankey stdin" pulse-sankey
IN=ev.ndjson run "metrics stdin" pulse-metrics --durations payment
run "metrics defs" pulse-metrics --defs "$S/sales-metrics.json" sales.ndjson
run "metrics defs, durations, zone" pulse-metrics --defs "$S/sales-metrics.json" \
	--durations payment,'Назначение ВУ' --tz Europe/Moscow sales.ndjson
run "metrics --partial" pulse-metrics --defs "$S/sales-metrics.json" --partial sales.ndjson
for args in "--as-of 2026-01-21T18:00:00+03:00" \
	"--by manager --as-of 2026-01-21T18:00:00+03:00 --stale-days 14" \
	"--by month --as-of 2026-01-21T18:00:00+03:00 --partial"; do
	# shellcheck disable=SC2086
	run "funnel $args" pulse-funnel $args crm.ndjson
done
IN=crm.ndjson run "funnel stdin" pulse-funnel --as-of 2026-01-21T18:00:00+03:00
# each thread of pulse-funnel loads a range and the ranges are joined: the
# records shuffled (stage changes before their lead, deals before theirs),
# copies of a lead with an older 'modified' before the rest and with a
# newer or the same one after it (the later copy wins a tie), the second
# shape, and two files
{
	jq -c 'select(.kind == "lead") | .modified = "2020-01-01T00:00:00Z" | .status = "OLD"' \
		crm.ndjson | head -n 40
	awk '{ print (NR * 7919) % 10007 "\t" $0 }' crm.ndjson | sort -s -n -k1,1 | cut -f2-
	jq -c 'select(.kind == "lead") | .modified = "2030-01-01T00:00:00Z" | .manager = "Late"' \
		crm.ndjson | head -n 80
	jq -c 'select(.kind == "lead" and .modified != null) | .manager = "Tie"' crm.ndjson |
		tail -n 30
} > crm-mix.ndjson
"$B/tests/tools/reshape" < crm-mix.ndjson > crm-mix2.ndjson
split -n l/2 crm-mix.ndjson crm-part.
for f in crm-mix.ndjson crm-mix2.ndjson "crm-part.aa crm-part.ab"; do
	# shellcheck disable=SC2086
	run "funnel, joined: $f" pulse-funnel --by manager --stale-days 30 \
		--as-of 2026-01-21T18:00:00+03:00 $f
done
pulse-funnel -j 1 --by manager --as-of 2026-01-21T18:00:00+03:00 crm-mix.ndjson |
	jq -r 'select(.table == "managers") | .manager' | grep -c -e '^Late$' -e '^Tie$'

CLS="pulse-classify --as-of 2026-01-21T18:00:00Z --rules $S/odoo-sample.rules"
# shellcheck disable=SC2086
run "classify" $CLS messages.ndjson
# shellcheck disable=SC2086
IN=messages.ndjson run "classify stdin" $CLS
tac messages.ndjson > reversed.ndjson
# shellcheck disable=SC2086
run "classify, messages in reverse" $CLS reversed.ndjson

echo "-- bad records"
for mode in skip quarantine:q.ndjson fail; do
	run "tally $mode" pulse-tally -b event --on-error=$mode bad.ndjson
	run "sankey $mode" pulse-sankey --on-error=$mode bad.ndjson
	run "metrics $mode" pulse-metrics --durations payment --on-error=$mode bad.ndjson
	run "tally $mode, two files" pulse-tally -b event --on-error=$mode ev.ndjson bad.ndjson
	IN=bad.ndjson run "sankey $mode, stdin" pulse-sankey --on-error=$mode
done
head -c 1000 crm.ndjson > crm-bad.ndjson
echo '{"kind":"lead","id":"x"}' >> crm-bad.ndjson
cat crm.ndjson >> crm-bad.ndjson
awk 'NR % 97 == 0 { print "{\"kind\":\"message\",\"ticket_id\":\"x\"}" }
	NR % 89 == 0 { print "{\"kind\":\"message\",\"message_id\":1}" } { print }' \
	messages.ndjson > messages-bad.ndjson
for mode in skip fail; do
	# shellcheck disable=SC2086
	run "classify $mode" $CLS --on-error=$mode messages-bad.ndjson
done
run "funnel skip" pulse-funnel --on-error=skip --as-of 2026-01-21T18:00:00+03:00 crm-bad.ndjson
run "funnel fail" pulse-funnel --as-of 2026-01-21T18:00:00+03:00 crm-bad.ndjson
run "missing file" pulse-sankey ev.ndjson missing.ndjson part.aa
run "missing file, tally" pulse-tally -b event part.aa missing.ndjson part.ab
printf '\xef\xbb\xbf' > bom.ndjson
cat part.aa >> bom.ndjson
run "BOM" pulse-tally -b event bom.ndjson
printf '{"user_id":1,"ts":"2025-03-01T10:00:00Z","event":"a"}\r\n%.0s' $(seq 50) > crlf.ndjson
run "CRLF" pulse-tally -b event crlf.ndjson
mkfifo fifo
# shellcheck disable=SC2016
run "tally from a FIFO" sh -c 'cat part.aa > fifo & exec pulse-tally -b event fifo "$@"' sh
# shellcheck disable=SC2016
run "sankey from a FIFO" sh -c 'cat part.aa > fifo & exec pulse-sankey fifo "$@"' sh

echo "-- routed: a plain file read once, each line to the thread of its user"
# lines across the chunks (a file of 300 KB is cut into chunks of a few
# KB): a line of 40 KB, blank and blank-looking lines, CRLF, a BOM, no
# newline at the end, users the peek cannot take (an escaped id, an id
# that is an object: every thread parses those), bad records when a
# thread stops early (fail) and the others go on
{
	printf '\xef\xbb\xbf'
	head -n 700 ev.ndjson
	printf '{"user_id":7,"ts":"2025-03-01T10:00:00Z","event":"long","note":"%s"}\n' \
		"$(head -c 40000 /dev/zero | tr '\0' x)"
	printf '\n   \n\t\r\n'
	sed -n '701,1400p' ev.ndjson | sed 's/$/\r/'
	printf '{"user_id":"\\u0037","ts":"2025-03-01T10:00:01Z","event":"esc"}\n'
	printf '{"ts":"2025-03-01T10:00:02Z","event":"obj","user_id":{"a":1}}\n'
	sed -n '1401,$p' ev.ndjson
	printf '{"user_id":9,"ts":"2025-03-01T10:00:03Z","event":"last"}'
} > routed.ndjson
for mode in skip fail; do
	run "sankey routed $mode" pulse-sankey --on-error=$mode routed.ndjson
	run "metrics routed $mode" pulse-metrics --durations payment --on-error=$mode \
		routed.ndjson bad.ndjson
done
run "sankey routed, zstd and files" pulse-sankey routed.ndjson ev.ndjson.zst bad.ndjson
# shellcheck disable=SC2086
run "classify routed, two files" $CLS messages.ndjson reversed.ndjson
# a thread stops at the first bad record (its user's), the other reads on
run "sankey routed fail, a thread's bad record first" pulse-sankey bad.ndjson routed.ndjson
run "metrics routed quarantine" pulse-metrics --durations payment \
	--on-error=quarantine:q.ndjson bad.ndjson routed.ndjson

echo "-- routed streams: standard input and a FIFO read once by one more thread"
# of more than one chunk (256 KiB), with everything routed.ndjson holds;
# a zstd stream and an array on standard input are copied to every thread
cat routed.ndjson routed.ndjson routed.ndjson routed.ndjson bad.ndjson > routed4.ndjson
for mode in skip fail quarantine:q.ndjson; do
	IN=routed4.ndjson run "sankey stdin routed $mode" pulse-sankey --on-error=$mode
done
IN=routed4.ndjson run "metrics stdin routed" pulse-metrics --durations payment
# shellcheck disable=SC2086
IN=messages.ndjson run "classify stdin routed, and a file" $CLS - reversed.ndjson
IN=ev.ndjson.zst run "sankey zstd stdin" pulse-sankey
jq -s -c . part.aa > array.json
IN=array.json run "sankey array stdin" pulse-sankey
# shellcheck disable=SC2016
run "sankey FIFO routed, then a file" sh -c 'cat routed4.ndjson > fifo & exec pulse-sankey fifo part.ab "$@"' sh

echo "-- pulse-utm: chunks of plain files taken in turn, written in input order"
# (one thread for standard input, a zstd file, or --crm-source, whose names
# come with the input)
head -n 300 crm.ndjson | sed 's/"utm_source":null/"utm_source":"  Yandex "/' > crm-utm.ndjson
cat crm.ndjson >> crm-utm.ndjson
awk 'NR % 211 == 0 { print "{\"kind\":\"lead\",\"id\":\"x\",\"utm_source\":7}" }
	NR % 307 == 0 { print "{oops" } { print }' crm-utm.ndjson > crm-utm-bad.ndjson
printf 'alias,canonical\nyandex,Yandex\nya,Yandex\n' > aliases.csv
for mode in skip fail quarantine:q.ndjson; do
	run "utm $mode" pulse-utm --stats --alias aliases.csv --on-error=$mode crm-utm-bad.ndjson
done
run "utm, files" pulse-utm --stats routed.ndjson crm-utm.ndjson ev.ndjson
run "utm, a zstd file among them" pulse-utm crm-utm.ndjson ev.ndjson.zst
run "utm --crm-source" pulse-utm --crm-source --stats crm-utm.ndjson
IN=crm-utm-bad.ndjson run "utm stdin" pulse-utm --on-error=skip
