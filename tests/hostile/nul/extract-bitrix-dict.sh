# pulse-extract bitrix --statuses and --map: a value holding a NUL is not
# the value before it.  ENTITY_ID "STATUS\u0000x" was taken for STATUS,
# making a success of stage UC_1; SEMANTICS "S\u0000" was taken for S; a
# --map FIELD "UF_CRM_A\0B" was cut to UF_CRM_A.
printf '{"result":[{"ENTITY_ID":"STATUS\\u0000x","STATUS_ID":"UC_1","NAME":"Hot","SEMANTICS":"S"},{"ENTITY_ID":"STATUS","STATUS_ID":"UC_2","NAME":"Warm","SEMANTICS":"F"}]}\n' >statuses.json
printf '{"result":[{"ID":"1","STATUS_ID":"UC_1","DATE_CREATE":"2026-01-02T10:00:00+03:00"}]}\n' >leads.json
pulse-extract bitrix --statuses statuses.json leads.json | jq -c 'select(.kind == "lead") | [.status, .semantic]'
echo '# SEMANTICS "S\u0000" is refused'
printf '{"result":[{"ENTITY_ID":"STATUS","STATUS_ID":"UC_1","NAME":"Hot","SEMANTICS":"S\\u0000"}]}\n' >sem.json
pulse-extract bitrix --statuses sem.json leads.json || echo "exit $?"
echo '# so is a --map FIELD with a NUL'
printf 'My header,UF_CRM_A\0B\n' >map.csv
printf 'ID;STATUS_ID;DATE_CREATE;My header\n1;NEW;21.01.2026 14:03;v\n' >leads.csv
pulse-extract bitrix --entity lead --map map.csv --keep UF_CRM_A leads.csv || echo "exit $?"
