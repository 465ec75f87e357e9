# What a list item is: STATUS_ID makes a lead, STAGE_ID (or CATEGORY_ID,
# LEAD_ID) a deal, --entity decides when nothing does; a CSV header says
# it by its titles ("Название лида", "Deal stage"...) or --entity.
cat >items.json <<'JSON'
{"result":[{"ID":"1","STATUS_ID":"NEW","DATE_CREATE":"2026-01-02T10:00:00+03:00"},
{"ID":"2","STAGE_ID":"C2:NEW","DATE_CREATE":"2026-01-02T10:00:00+03:00"},
{"ID":"3","CATEGORY_ID":"2","STATUS_ID":"X","DATE_CREATE":"2026-01-02T10:00:00+03:00"}]}
{"ID":"4","STATUS_ID":"NEW","DATE_CREATE":"2026-01-02T10:00:00+03:00"}
{"ID":5,"TYPE_ID":2,"OWNER_ID":9,"CREATED_TIME":"2026-01-02T10:00:00+03:00","STAGE_ID":"NEW"}
{"result":{"ID":"6","TITLE":"crm.deal.get","STAGE_ID":"WON","DATE_CREATE":"2026-01-02T10:00:00+03:00"}}
JSON
pulse-extract bitrix items.json | jq -c '[.kind, .id, .status, .semantic]'
echo '# --entity deal'
pulse-extract bitrix --entity deal items.json | jq -c '[.kind, .id, .status, .semantic]'
echo '# a CSV whose header does not tell'; echo '# a CSV whose header does not tell' >&2
printf 'ID;Название;Стадия;Дата создания\n1;x;NEW;02.01.2026\n' >a.csv
pulse-extract bitrix a.csv || echo "exit $?"
echo '# --entity lead'; echo '# --entity lead' >&2
pulse-extract bitrix --entity lead a.csv | jq -c '[.kind, .id, .created]'
