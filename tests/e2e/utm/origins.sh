# the four origins: a record with a utm_source keeps it (given), else the
# query string of a URL fills it (url), else the map by the ad id in
# utm_content (map), else none; values trimmed and through the aliases;
# the map adds ad_group to given records too; other kinds pass through
cat > in.ndjson <<'R'
{"kind":"lead","id":"1","title":"given","utm_source":" Avito ","utm_medium":"cpc","utm_campaign":"bumpers","utm_content":"101","utm_term":null}
{"kind":"lead","id":"2","title":"url","utm_source":null,"utm_medium":null,"utm_campaign":null,"utm_content":null,"utm_term":null,"source_description":"form on https://shop.example/bumpers?utm_source=avito.ru&utm_medium=cpc&utm_campaign=%D0%B1%D0%B0%D0%BC%D0%BF%D0%B5%D1%80%D1%8B+front&utm_content=102#top"}
{"kind":"lead","id":"3","title":"map","utm_source":null,"utm_medium":null,"utm_campaign":null,"utm_content":"103","utm_term":null}
{"kind":"lead","id":"4","title":"none","utm_source":"","utm_medium":null,"utm_campaign":null,"utm_content":"999","utm_term":null}
{"kind":"stage","entity":"lead","id":"1",  "ts":"2024-01-10T10:00:00Z","stage":"NEW"}
{"kind":"deal","id":"5","utm_source":"YANDEX","utm_content":"102"}
{"kind":"deal","id":"6","web":"http://a.example/?x=1&amp;utm_source=vk&amp;utm_term=%C1%E0%EC%EF%E5%F0 http://b.example/?utm_source=ok&utm_medium=social","comments":"see https://c.example/?utm_campaign=spring"}
R
printf 'utm_content;utm_source;utm_campaign;ad_group\n101;avito;bumpers;bumpers\n102;yandex;optics;optics\n103;AVITO;grilles;grilles\n' > ads.csv
printf 'alias,canonical\nAvito,avito\navito.ru,avito\nya.ru,yandex\n' > alias.csv
pulse-utm --map ads.csv --alias alias.csv --stats in.ndjson 2>err
cat err
echo "--- no map, no alias"
pulse-utm in.ndjson | jq -c '[.id, .utm_source, .utm_origin, .ad_group]'
