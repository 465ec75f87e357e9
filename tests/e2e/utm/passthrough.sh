# records of other kinds, and leads with nothing to change, come out byte
# for byte (odd spacing, escapes, key order and all); a pretty-printed JSON
# array still gives one record per line
cat > in.ndjson <<'R'
{"kind":"ticket",  "ticket_id" : 7, "text":"caf\u00e9 \"x\"", "a":[1, 2, {"b" : null}]}
{"kind":"stage","entity":"lead","id":"1","ts":"2024-01-10T10:00:00Z","stage":"NEW"}
{"id":"9"}
{"kind":"lead", "id":"1", "utm_source":"avito", "utm_origin":"map", "x":[ 1 ]}
R
pulse-utm in.ndjson > out.ndjson
cmp in.ndjson out.ndjson && echo "byte for byte"
printf '{"kind":"ticket"}\r\n{"kind":"lead","id":"2","utm_source":"vk"}\r\n' | pulse-utm | od -c | sed -n 1,8p
printf '[\n  {\n    "kind": "ticket",\n    "text": "a b",\n    "n": [1,\n 2]\n  },\n  {"kind": "lead", "id": "3",\n "utm_source": null}\n]\n' | pulse-utm
echo "--- twice is once"
cat > leads.ndjson <<'R'
{"kind":"lead","id":"1","utm_source":null,"utm_content":"101"}
{"kind":"lead","id":"2","utm_source":null,"url":"https://x.example/?utm_source=Avito"}
R
printf 'utm_content,utm_source\n101,yandex\n' > ads.csv
printf 'alias,canonical\navito.ru,avito\n' > alias.csv
pulse-utm --map ads.csv --alias alias.csv leads.ndjson > once.ndjson
pulse-utm --map ads.csv --alias alias.csv once.ndjson > twice.ndjson
cmp once.ndjson twice.ndjson && cat once.ndjson
