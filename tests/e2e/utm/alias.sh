# aliases: case-insensitive (Latin and Cyrillic), trimmed, the canonical
# value in any case maps to itself, a field column limits an alias to one
# field; the first row of an alias wins
cat > alias.csv <<'R'
alias;canonical;field
 Avito ;avito;
avito.ru;avito;
Авито;avito;
Яндекс.Директ;yandex;
direct;yandex;utm_source
bumper;bumpers;ad_group
avito.ru;other;
R
cat > in.ndjson <<'R'
{"kind":"lead","id":"1","utm_source":"AVITO"}
{"kind":"lead","id":"2","utm_source":"Avito.RU"}
{"kind":"lead","id":"3","utm_source":"АВИТО"}
{"kind":"lead","id":"4","utm_source":"яндекс.директ","utm_medium":"Direct"}
{"kind":"lead","id":"5","utm_source":"direct","utm_campaign":"avito","ad_group":"Bumper"}
{"kind":"lead","id":"6","utm_source":"\tvk \u00a0"}
{"kind":"deal","id":"7","utm_source":"unknown"}
R
pulse-utm --alias alias.csv in.ndjson | jq -c '[.id, .utm_source, .utm_medium, .utm_campaign, .ad_group, .utm_origin]'
