# pulse-extract bitrix, REST pages: an id sent as a JSON number that is not
# an integer is not an id.  ID 1e5 became the id "1e5" (not 100000), and
# ASSIGNED_BY_ID 7.0 the manager "7.0", not the name of user 7.
printf '{"result":[{"ID":"7","NAME":"Marina","LAST_NAME":"L."}]}\n' >users.json
printf '{"result":[{"ID":1e5,"STAGE_ID":"NEW","DATE_CREATE":"2026-01-02T10:00:00+03:00"},{"ID":2,"STAGE_ID":"NEW","DATE_CREATE":"2026-01-02T10:00:00+03:00","ASSIGNED_BY_ID":7.0},{"ID":3,"STAGE_ID":"NEW","DATE_CREATE":"2026-01-02T10:00:00+03:00","ASSIGNED_BY_ID":7,"LEAD_ID":12345678901234567890123}]}\n' >deals.json
pulse-extract bitrix --entity deal --users users.json --on-error=skip deals.json | jq -c '[.id, .manager, .lead_id]'
