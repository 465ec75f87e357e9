# pulse-extract bitrix --categories: crm.category.list (result.categories)
# and crm.dealcategory.list (a result array of ID, NAME) pages are read,
# each pipeline named once; a file that is empty, garbage, the statuses,
# the users or the leads, or an item without a name, is exit 65 naming it
# (a pipeline would silently stay a number, or be named by something else)
D=$ROOT/tests/e2e/extract/data
printf '\357\273\277{"result":{"categories":[{"id":0,"name":"Sales","sort":100},\r\n{"id":1,"name":" Delivery "}]},"total":2}\r\n' >cats.json
printf '{"result":[{"ID":"1","NAME":"Delivery again"},{"ID":"2","NAME":"Wholesale"}]}\n' >old.json
pulse-extract bitrix --categories cats.json --categories old.json "$D/bitrix-leads.json" | jq -c 'select(.kind == "name")'
: >empty.json
echo 'just some words' >garbage.txt
printf '{"result":{"categories":[{"id":3}]}}\n' >noname.json
for f in empty.json garbage.txt "$D/bitrix-statuses.json" "$D/bitrix-users.json" "$D/bitrix-leads.json" noname.json; do
	echo "# --categories ${f##*/}"
	pulse-extract bitrix --categories "$f" "$D/bitrix-leads.json" >/dev/null || echo "exit $?"
done
