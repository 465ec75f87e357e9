# every .Dl line of pulse-sankey(1) EXAMPLES runs, on a few events of the
# sales job: user 1 reaches a demo lesson, user 2 writes on WhatsApp
cat > events.ndjson <<'J'
{"kind":"event","user_id":1,"ts":"2025-03-01T10:00:00Z","event":"Создание заявки"}
{"kind":"event","user_id":1,"ts":"2025-03-01T10:01:00Z","event":"Назначение задачи на звонок 1Л"}
{"kind":"event","user_id":2,"ts":"2025-03-01T11:00:00Z","event":"Создание заявки"}
{"kind":"event","user_id":1,"ts":"2025-03-01T12:00:00Z","event":"Назначение ВУ"}
{"kind":"event","user_id":2,"ts":"2025-03-01T11:30:00Z","event":"Общение в WhatsApp"}
{"kind":"event","user_id":3,"ts":"2025-03-01T09:00:00Z","event":"Создание заявки"}
{"kind":"event","user_id":3,"ts":"2025-03-01T09:10:00Z","event":"Назначение ВУ"}
{"kind":"event","user_id":1,"ts":"2025-03-02T12:00:00Z","event":"Переход на ДУ (ДУ начался)"}
J
sed -n '/^\.Sh EXAMPLES/,/^\.Sh/s/^\.Dl //p' "$ROOT/filters/sankey/pulse-sankey.1" > examples
while IFS= read -r cmd; do
	echo "\$ $cmd"
	eval "$cmd"
done < examples
