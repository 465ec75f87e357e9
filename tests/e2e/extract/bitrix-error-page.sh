# An error page ({"error":..., "error_description":...}) among the pages
# is a bad record with Bitrix24's message: exit 65 by default (after the
# records before it), skipped or quarantined on request.
D=$ROOT/tests/e2e/extract/data
{ cat "$D/bitrix-leads.json"
  echo '{"error":"QUERY_LIMIT_EXCEEDED","error_description":"Too many requests"}'
  cat "$D/bitrix-history.json"; } >pages.json
pulse-extract bitrix pages.json >out 2>err || echo "exit $?"
jq -r .id out
cat err
pulse-extract bitrix --on-error=skip pages.json 2>err | wc -l
cat err
pulse-extract bitrix --on-error=quarantine:bad.json pages.json 2>err | wc -l
cat err bad.json
echo '# other pages that are not pages'
printf '%s\n' '{"result":null}' '{"result":{"x":1}}' '{"total":3}' '{"result":[1,{"ID":"5"}]}' \
	'{"error":"expired_token"}' '{"result":[' >odd.json
pulse-extract bitrix --on-error=skip odd.json || echo "exit $?"
