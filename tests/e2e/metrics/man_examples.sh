# every .Dl line of pulse-metrics(1) EXAMPLES runs (\(dq is a double quote),
# with the sample's definitions, on a few events of the sales job
cp "$SAMPLES/sales-metrics.json" .
cat > events.ndjson <<'J'
{"kind":"event","user_id":1,"ts":"2025-03-01T09:00:00Z","event":"Назначение задачи на звонок 1Л"}
{"kind":"event","user_id":1,"ts":"2025-03-01T11:30:00Z","event":"Назначение ВУ"}
{"kind":"event","user_id":1,"ts":"2025-03-02T10:00:00Z","event":"Успешный ВУ"}
{"kind":"event","user_id":1,"ts":"2025-03-02T10:20:00Z","event":"payment","amount":4990.00}
{"kind":"event","user_id":2,"ts":"2025-03-01T22:00:00Z","event":"Назначена задача на вторую линию"}
{"kind":"event","user_id":2,"ts":"2025-03-01T22:45:00Z","event":"Дозвон 2Л"}
{"kind":"event","user_id":2,"ts":"2025-03-02T21:30:00Z","event":"payment","amount":12000.00}
J
sed -n '/^\.Sh EXAMPLES/,/^\.Sh/s/^\.Dl //p' "$ROOT/filters/metrics/pulse-metrics.1" |
	sed 's/\\(dq/"/g' > examples
while IFS= read -r cmd; do
	echo "\$ $cmd"
	eval "$cmd"
done < examples
