# Records in a second shape (tests/tools/reshape: members in the reverse
# order, ": " and ", ", naive UTC times with a space, the strings
# \u-escaped): the same UTM fields, and records with nothing to fill pass
# through byte for byte.
cat > in.ndjson <<'R'
{"kind":"lead","id":"2","title":"url","utm_source":null,"utm_medium":null,"utm_campaign":null,"utm_content":null,"utm_term":null,"source_description":"форма https://shop.example/bumpers?utm_source=avito.ru&utm_medium=cpc&utm_campaign=%D0%B1%D0%B0%D0%BC%D0%BF%D0%B5%D1%80%D1%8B+front&utm_content=102#top","created":"2024-01-10T10:00:00+03:00"}
{"kind":"lead","id":"3","title":"given","utm_source":"Авито","utm_medium":"cpc","utm_campaign":null,"utm_content":"103","utm_term":null}
{"kind":"event","user_id":7,"ts":"2024-01-10T10:00:00Z","event":"Создание заявки"}
R
"$B/tests/tools/reshape" <in.ndjson >pg.ndjson
cat pg.ndjson
pulse-utm in.ndjson | "$B/tests/tools/reshape" | jq -cS . >gen.out
pulse-utm pg.ndjson | jq -cS . >pg.out
cmp gen.out pg.out && echo "same records: $(wc -l <pg.out)"
pulse-utm pg.ndjson | tail -n 1 | cmp - <(tail -n 1 pg.ndjson) && echo "an event passes through unchanged"
