# Columns pulse does not map are left out with a note on stderr (nothing
# silently); --keep NAME and --keep-unknown keep them under a normalised
# name (REST fields under their lower-case code, raw JSON as sent), --map
# maps a header to an API code, --loss-field names the loss reason.
D=$ROOT/tests/e2e/extract/data
cat >leads.csv <<'CSV'
ID,Lead name,Status,Created,Город,Phone number,Reason,Kind
1,a,NEW,2026-01-02,Тверь,+0 000,дорого,x
CSV
echo '# the columns left out'; echo '# the columns left out' >&2
pulse-extract bitrix leads.csv
echo '# --keep Город and a --map'; echo '# --keep Город and a --map' >&2
printf 'header,code\nPhone number,UF_CRM_PHONE\n' >map.csv
pulse-extract bitrix --keep Город --keep uf_crm_phone --map map.csv \
	--loss-field reason leads.csv
echo '# --keep-unknown, a member named like one of ours'
echo '# --keep-unknown, a member named like one of ours' >&2
pulse-extract bitrix --keep-unknown leads.csv
echo '# REST: UF fields and multifields kept as sent'
echo '# REST: UF fields and multifields kept as sent' >&2
pulse-extract bitrix --keep uf_crm_city --keep WEB --keep OPENED "$D/bitrix-leads.json" |
	jq -c '[.id, .uf_crm_city, .web, .opened]'
pulse-extract bitrix --keep-unknown "$D/bitrix-leads.json" | jq -c 'keys_unsorted[18:]'
echo '# a value kept from a pretty-printed page is written on one line'
echo '# a value kept from a pretty-printed page is written on one line' >&2
printf '{\n  "result": [\n    {\n      "ID": "1",\n      "STATUS_ID": "NEW",\n      "DATE_CREATE": "2026-01-02T10:00:00+03:00",\n      "UF_CRM_LIST": [\n        1,\n        "a b\\n c"\n      ],\n      "UF_CRM_OBJ": {"k": [ 2 , 3 ]}\n    }\n  ]\n}\n' >pretty.json
pulse-extract bitrix --keep-unknown pretty.json | jq -c '[.uf_crm_list, .uf_crm_obj]'
pulse-extract bitrix --keep-unknown pretty.json | wc -l
