# pulse-extract bitrix, --on-error=skip: a stage history page whose items
# lack a ',' between two of them ('0{' where '},{' was): the items before
# the break are kept and the page is reported cut there; the reader used
# to take the items after the break as kept too and then loop on them for
# ever, writing the same bad item without end
printf '%s\n' '{"result":{"items":[{"ID":90,"TYPE_ID":1,"OWNER_ID":7001,"CREATED_TIME":"2024-09-03T10:00:00+03:00","CATEGORY_ID":0,"STAGE_ID":"NEW","STAGE_SEMANTIC_ID":"P"},' \
	'0{"ID":91,"TYPE_ID":5,"OWNER_ID":7002,"CREATED_TIME":"2024-09-04T11:00:00+03:00","CATEGORY_ID":1,"STAGE_ID":"C1:NEW","STAGE_SEMANTIC_ID":"P"},' \
	'{"ID":92,"TYPE_ID":3,"OWNER_ID":7001,"CREATED_TIME":"2024-09-06T12:00:00+03:00","CATEGORY_ID":0,"STAGE_ID":"WON","STAGE_SEMANTIC_ID":"S"}]},"total":3}' \
	'{"result":{"items":[{"ID":93,"TYPE_ID":1,"OWNER_ID":7003,"CREATED_TIME":"2024-09-07T10:00:00+03:00","CATEGORY_ID":0,"STAGE_ID":"NEW","STAGE_SEMANTIC_ID":"P"}]},"total":1}' >history.json
timeout 10 pulse-extract bitrix --on-error=skip history.json 2>err | jq -c '[.history_id, .stage]' || echo "exit $?"
head -c 2000 err
