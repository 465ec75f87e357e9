# Bad CSV rows and bad REST items go through --on-error: fail (exit 65,
# the records before it written), skip, quarantine (the row or item as it
# was read, a CSV row with its quotes and newline).
cat >leads.csv <<'CSV'
ID;Title;Status;Created;Amount
1;ok;NEW;2026-01-02 10:00;5
2;"bad date; really";NEW;31.02.2026;5
3;no id, ok;NEW;02.01.2026;
;missing id;NEW;02.01.2026;1
5;"multi
line";NEW;02.01.2026;x1
6;too;many;02.01.2026;1;extra
7;empty extra;NEW;02.01.2026;1;
8;no status;;02.01.2026;1
9;last;NEW;02.01.2026;"open
CSV
pulse-extract bitrix --entity lead leads.csv >out 2>err || echo "exit $?"
jq -r .id out
cat err
echo '# skip: the rows, and the broken quote at the end fails the file'
pulse-extract bitrix --entity lead --on-error=skip leads.csv >out 2>err || echo "exit $?"
jq -r .id out
cat err
echo '# quarantine'
pulse-extract bitrix --entity lead --on-error=quarantine:bad.csv leads.csv 2>err | jq -r .id
cat err
cat bad.csv
echo '# REST items'
cat >items.json <<'JSON'
{"result":[{"ID":"1","STATUS_ID":"NEW","DATE_CREATE":"2026-01-02T10:00:00+03:00"},
{"ID":"2","STATUS_ID":"NEW"},
{"ID":"3 4","STATUS_ID":"NEW","DATE_CREATE":"2026-01-02T10:00:00+03:00"},
{"ID":"5","STATUS_ID":"NEW","STATUS_SEMANTIC_ID":"X","DATE_CREATE":"2026-01-02T10:00:00+03:00"},
{"ID":"6","STATUS_ID":"NEW","DATE_CREATE":"yesterday"},
{"ID":"7","TITLE":"no status","DATE_CREATE":"2026-01-02T10:00:00+03:00"}]}
{"result":{"items":[{"ID":1,"TYPE_ID":4,"OWNER_ID":1,"CREATED_TIME":"2026-01-02T10:00:00+03:00","STATUS_ID":"NEW"},
{"ID":2,"TYPE_ID":3,"OWNER_ID":1,"CREATED_TIME":"2026-01-02T10:00:00+03:00","STATUS_ID":"UC_X"},
{"ID":3,"TYPE_ID":2,"OWNER_ID":1,"CREATED_TIME":"2026-01-02T10:00:00+03:00","STAGE_ID":"C3:X","ENTITY_TYPE_ID":128},
{"ID":4,"TYPE_ID":2,"CREATED_TIME":"2026-01-02T10:00:00+03:00","STAGE_ID":"NEW"}]}}
JSON
pulse-extract bitrix --on-error=quarantine:bad.json items.json 2>err | jq -c '[.kind, .id]'
cat err
cat bad.json
