# pulse-gen events: deterministic; the committed sales samples are current;
# the story of the sales task holds in the data (three hours of first-line
# calls, second-line calls within a day, equal timestamps, payments).
gen() {
	pulse-gen events --users 500 --seed "$1" --dict "d$2" --payments "p$2" \
		--expected "x$2" -o "e$2" "${@:3}"
}
gen 3 1
gen 3 2
gen 4 3
gen 3 4 --format ndjson
for f in d e p x; do
	cmp -s ${f}1 ${f}2 && echo "$f: same bytes" || echo "$f: differ"
done
cmp -s e1 e3 && echo 'seed 4: same events' || echo 'seed 4: other events'
cmp -s x1 x4 && echo 'ndjson: same expected records'
pulse-gen events | cmp -s - <(pulse-gen events -o -) && echo 'stdout: same bytes'

echo '# the committed samples are what samples/regen.sh makes'
pulse-gen events --users 2000 --events se.csv --payments sp.csv --dict sd.csv
pulse-gen events --users 200 --days 30 --events sse.csv --payments ssp.csv
cmp sd.csv "$SAMPLES/sales-dict.csv" && echo 'sales-dict.csv: current'
zstd -dc "$SAMPLES/sales-events.csv.zst" | cmp - se.csv && echo 'sales-events.csv.zst: current'
zstd -dc "$SAMPLES/sales-payments.csv.zst" | cmp - sp.csv && echo 'sales-payments.csv.zst: current'
cmp sse.csv "$SAMPLES/sales-small-events.csv" && echo 'sales-small-events.csv: current'
cmp ssp.csv "$SAMPLES/sales-small-payments.csv" && echo 'sales-small-payments.csv: current'
zstd -dc "$SAMPLES/sales-small-events.csv.zst" | cmp - sse.csv && echo '.zst holds it'
zstd -dc "$SAMPLES/sales-small-payments.csv.zst" | cmp - ssp.csv && echo '.zst holds it'

echo '# sizes: rows, users, events per user (about 8), payments'
pulse-gen events --users 2000 --expected all.ndjson --payments /dev/null -o /dev/null
jq -s '{records: length, users: (map(.user_id) | unique | length),
	per_user: ((length / (map(.user_id) | unique | length)) * 10 | round / 10),
	payments: map(select(.event == "payment")) | length,
	events: (map(.event) | unique | length)}' all.ndjson
echo '# nothing at or after --as-of, nothing before --days'
jq -r .ts all.ndjson | sort | sed -n '1p;$p'

echo '# the story: per user, time order; each step and the next one'
jq -s -r 'group_by(.user_id)[] | . as $u | range(1; length) |
	[$u[. - 1].event, $u[.].event,
	 (($u[.].ts | fromdate) - ($u[. - 1].ts | fromdate))] | @tsv' all.ndjson >steps.tsv
echo 'first line: after an unanswered call task, most next steps come exactly 3 hours later'
awk -F'\t' '$1 == "Назначение задачи на звонок 1Л" && $2 != "Ученик ответил на звонок оператора 1л" &&
	$2 != "Общение в WhatsApp" { n++; if ($3 == 10800) exact++ }
	END { print (n > 0), (exact > n * 0.9) }' steps.tsv
echo 'first line answers within the three hours'
awk -F'\t' '$1 == "Назначение задачи на звонок 1Л" && $2 == "Ученик ответил на звонок оператора 1л" {
	n++; if ($3 >= 10800) late++ } END { print (n > 0), late + 0 }' steps.tsv
echo 'second line reaches the student within a day'
awk -F'\t' '$1 == "Назначена задача на вторую линию" && $2 == "Дозвон 2Л" {
	n++; if ($3 > 86400) late++ } END { print (n > 0), late + 0 }' steps.tsv
echo 'equal timestamps: steps of one user in the same second; payments after them'
awk -F'\t' '$3 == 0 { n++ } END { print (n > 50) }' steps.tsv
awk -F'\t' '$2 == "payment" { print $1 }' steps.tsv | sort | uniq -c | sort -rn | head -n 3 |
	awk '{ $1 = ""; print substr($0, 2) }'
echo 'amounts have two decimals'
grep -c '"amount":' all.ndjson
grep -c '"amount":[1-9][0-9]*\.[0-9][0-9]}$' all.ndjson

echo '# usage errors and write errors'
for args in '--users x' '--users -1' '--days 0' '--format xml' '--as-of soon' 'extra' '--bogus'; do
	pulse-gen events $args >out 2>err && echo "[$args] exit 0" || echo "[$args] exit $?"
	head -n 1 err
done
pulse-gen events >/dev/full 2>err || echo "exit $?"
cat err
pulse-gen events --dict no/such/dir/d.csv 2>err || echo "exit $?"
cat err
ls
