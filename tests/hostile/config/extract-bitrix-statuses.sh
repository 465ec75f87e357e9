# pulse-extract bitrix --statuses: a UTF-8 BOM and CRLF line ends are
# read; a file that is empty, garbage, the users, or holds a SEMANTICS
# that is not S, F or null is exit 65 naming it (stage names and custom
# semantics used to go silently unknown)
D=$ROOT/tests/e2e/extract/data
bomcrlf() { printf '\357\273\277'; sed 's/$/\r/' "$1"; }
bomcrlf "$D/bitrix-statuses.json" >statuses.json
pulse-extract bitrix --statuses statuses.json "$D/bitrix-deals-utf8.csv" | jq -c '[.status, .semantic]'
: >empty.json
echo 'just some words' >garbage.txt
printf '{"result":[{"ENTITY_ID":"STATUS","STATUS_ID":"UC_1","NAME":"Hot","SEMANTICS":"WON"}]}\n' >sem.json
for f in empty.json garbage.txt "$D/bitrix-users.json" sem.json; do
	echo "# --statuses ${f##*/}"
	pulse-extract bitrix --statuses "$f" "$D/bitrix-leads.json" || echo "exit $?"
done
