# pulse-extract bitrix --map: a UTF-8 BOM and CRLF line ends are read; a
# file that is empty or not 'header,FIELD' lines (a JSON file, a FIELD
# that is no API code) is exit 65 naming it
D=$ROOT/tests/e2e/extract/data
printf '\357\273\277Delivery note,UF_CRM_NOTE\r\n' >map.csv
printf 'ID;STAGE_ID;DATE_CREATE;Delivery note\n1;NEW;21.01.2026 14:03;by Friday\n' >deals.csv
pulse-extract bitrix --entity deal --map map.csv --keep UF_CRM_NOTE deals.csv | jq -c '[.id, .uf_crm_note]'
printf '\357\273\277\r\n' >empty.csv
printf 'Delivery note,the note field\n' >words.csv
for f in empty.csv "$D/bitrix-users.json" words.csv; do
	echo "# --map ${f##*/}"
	pulse-extract bitrix --entity deal --map "$f" deals.csv || echo "exit $?"
done
