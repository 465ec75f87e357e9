# --crm-source: a lead or deal that neither its UTM fields, a URL nor the
# map give a utm_source takes the name of its Bitrix SOURCE_ID from the
# name records before it (pulse-extract bitrix --names), else the code
# itself, through the aliases; utm_origin crm_source says which; a second
# run keeps it; without the option it stays none; a record without a
# source stays none
cat > in.ndjson <<'R'
{"kind":"name","of":"source","entity":null,"category":null,"code":"CALL","name":" Звонок "}
{"kind":"name","of":"source","entity":null,"category":null,"code":"WEB","name":"Веб-сайт"}
{"kind":"name","of":"source","entity":null,"category":null,"code":"CALL","name":"Другое имя"}
{"kind":"name","of":"stage","entity":"lead","category":null,"code":"UC_YANDEX","name":"not a source"}
{"kind":"lead","id":"1","source":"CALL","utm_source":null,"utm_content":null}
{"kind":"lead","id":"2","source":"WEB","utm_source":"","utm_content":null}
{"kind":"lead","id":"3","source":"UC_YANDEX","utm_source":null,"utm_content":null}
{"kind":"lead","id":"4","source":"CALL","utm_source":"avito","utm_content":null}
{"kind":"lead","id":"5","source":"CALL","utm_source":null,"utm_content":"101"}
{"kind":"lead","id":"6","source":null,"utm_source":null,"utm_content":null}
{"kind":"lead","id":"7","source":"  ","utm_source":null,"utm_content":null}
{"kind":"deal","id":"8","source":"WEB","utm_source":null}
R
printf 'utm_content,utm_source\n101,yandex\n' > ads.csv
printf 'alias,canonical\nВеб-сайт,website\n' > alias.csv
pulse-utm --crm-source --map ads.csv --alias alias.csv --stats in.ndjson 2>err > out.ndjson
jq -c 'select(.kind != "name") | [.id, .utm_source, .utm_origin]' out.ndjson
cat err
echo "--- again"
pulse-utm --crm-source out.ndjson | cmp - out.ndjson && echo same
echo "--- without --crm-source"
pulse-utm in.ndjson | jq -c 'select(.kind == "lead") | [.id, .utm_source, .utm_origin]' | head -3
