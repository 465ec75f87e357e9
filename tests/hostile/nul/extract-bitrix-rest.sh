# pulse-extract bitrix, REST pages: a NUL (\u0000) in a value is kept and
# written escaped, and a value that holds one is not the value without
# it: "CONVERTED\u0000junk" was read as CONVERTED (semantic S), a deal's
# "C1:WON\u0000" as WON, and CLOSED "N\u0000" as N (an open deal)
printf '{"result":[{"ID":"1","TITLE":"a\\u0000b","STATUS_ID":"CONVERTED\\u0000junk","DATE_CREATE":"2026-01-02T10:00:00+03:00","ASSIGNED_BY_ID":"7"}]}\n' >leads.json
pulse-extract bitrix --entity lead leads.json | jq -c '[.title, .status, .semantic]'
printf '{"result":[{"ID":"2","STAGE_ID":"C1:WON\\u0000","CLOSED":"N\\u0000","CLOSEDATE":"2026-01-05T10:00:00+03:00","DATE_CREATE":"2026-01-02T10:00:00+03:00"}]}\n' >deals.json
pulse-extract bitrix deals.json | jq -c '[.status, .semantic, .closed]'
echo '# a STAGE_SEMANTIC_ID with a NUL is not S'
printf '{"result":[{"ID":"3","STAGE_ID":"NEW","STAGE_SEMANTIC_ID":"S\\u0000","DATE_CREATE":"2026-01-02T10:00:00+03:00"}]}\n' >sem.json
pulse-extract bitrix sem.json || echo "exit $?"
echo '# --users: a name with a NUL is kept, the user "7\u0000" is not 7'
printf '{"result":[{"ID":"7","NAME":"A\\u0000B","LAST_NAME":"C"},{"ID":"8\\u0000","NAME":"Evil"}]}\n' >users.json
printf '{"result":[{"ID":"1","STATUS_ID":"NEW","DATE_CREATE":"2026-01-02T10:00:00+03:00","ASSIGNED_BY_ID":"7"},{"ID":"2","STATUS_ID":"NEW","DATE_CREATE":"2026-01-02T10:00:00+03:00","ASSIGNED_BY_ID":"8"}]}\n' >l2.json
pulse-extract bitrix --users users.json l2.json | jq -c '[.id, .manager]'
