# REST pages as a user saves them: crm.lead.list pages one after the other
# (one compact, one pretty-printed with PHP's \/ and \u escapes), deal pages
# in a JSON array, stage history pages (result.items); ids as strings and as
# numbers, null, "" and Y/N, offsets kept as written, money kept as typed.
D=$ROOT/tests/e2e/extract/data
pulse-extract bitrix "$D/bitrix-leads.json" "$D/bitrix-deals.json" \
	"$D/bitrix-history.json"
echo '# users, statuses and the loss reason of deals'
pulse-extract bitrix --users "$D/bitrix-users.json" --statuses "$D/bitrix-statuses.json" \
	--loss-field UF_CRM_LOSS_REASON "$D/bitrix-leads.json" "$D/bitrix-deals.json" |
	jq -c '[.kind, .id, .status, .semantic, .manager, .loss_reason]'
echo '# the same bytes from stdin, zstd-compressed'
cat "$D/bitrix-leads.json" "$D/bitrix-history.json" | zstd -q >in.zst
pulse-extract bitrix "$D/bitrix-leads.json" "$D/bitrix-history.json" >a
pulse-extract bitrix - <in.zst >b
cmp a b && echo same
echo '# the records validate against their schemas'
PY=python3
[ -x /usr/bin/python3 ] && PY=/usr/bin/python3
pulse-extract bitrix "$D/bitrix-leads.json" "$D/bitrix-deals.json" \
	"$D/bitrix-history.json" >all.ndjson
$PY "$ROOT/tests/schemas/validate.py" "$ROOT/schemas" all.ndjson
