# pulse-extract bitrix --users: a UTF-8 BOM and CRLF line ends are read,
# in JSON and in CSV; a file that is empty, garbage, the statuses or the
# leads is exit 65 naming it (they used to leave every manager a raw id,
# or make managers of status names)
D=$ROOT/tests/e2e/extract/data
bomcrlf() { printf '\357\273\277'; sed 's/$/\r/' "$1"; }
bomcrlf "$D/bitrix-users.json" >users.json
printf 'ID;NAME;LAST_NAME\n7;Marina;L.\n' >u.csv
bomcrlf u.csv >users.csv
for f in users.json users.csv; do
	pulse-extract bitrix --users $f "$D/bitrix-leads.json" | jq -r .manager | head -n 1
done
: >empty.json
echo 'just some words' >garbage.txt
for f in empty.json garbage.txt "$D/bitrix-statuses.json" "$D/bitrix-leads.json"; do
	echo "# --users ${f##*/}"
	pulse-extract bitrix --users "$f" "$D/bitrix-leads.json" || echo "exit $?"
done
