# every .Dl line of pulse-merge(1) EXAMPLES runs, on a few events of the
# sales job and the render tests' tickets; then each result is checked
# against one run over the whole input
cp "$SAMPLES/sales-metrics.json" .
cp "$ROOT/tests/e2e/render/tickets.ndjson" tickets.ndjson
cat > events.ndjson <<'J'
{"kind":"event","user_id":1,"ts":"2025-03-01T09:00:00Z","event":"Назначение задачи на звонок 1Л"}
{"kind":"event","user_id":1,"ts":"2025-03-01T11:30:00Z","event":"Назначение ВУ"}
{"kind":"event","user_id":1,"ts":"2025-03-02T10:00:00Z","event":"Успешный ВУ"}
{"kind":"event","user_id":1,"ts":"2025-03-02T10:20:00Z","event":"payment","amount":4990.00}
{"kind":"event","user_id":2,"ts":"2025-03-01T22:00:00Z","event":"Назначена задача на вторую линию"}
{"kind":"event","user_id":2,"ts":"2025-03-01T22:45:00Z","event":"Дозвон 2Л"}
{"kind":"event","user_id":2,"ts":"2025-03-02T21:30:00Z","event":"payment","amount":12000.00}
{"kind":"event","user_id":3,"ts":"2025-03-04T08:00:00Z","event":"Назначение ВУ"}
{"kind":"event","user_id":3,"ts":"2025-03-04T09:00:00Z","event":"Успешный ВУ"}
J
sed -n '/^\.Sh EXAMPLES/,/^\.Sh/s/^\.Dl //p' "$ROOT/filters/merge/pulse-merge.1" |
	sed 's/\\(dq/"/g' > examples
while IFS= read -r cmd; do
	echo "\$ $cmd"
	eval "$cmd"
done < examples
echo "-- each as one run"
pulse-sankey events.ndjson | cmp - links.ndjson && echo "links: same"
pulse-metrics --defs sales-metrics.json --durations 'Назначение ВУ' events.ndjson |
	cmp - <(pulse-merge day.12 day.3) && echo "metrics: same"
pulse-tally --by category --sort-by count tickets.ndjson |
	cmp - <(pulse-merge --sort-by count half.aa.count half.ab.count) && echo "tally: same"
