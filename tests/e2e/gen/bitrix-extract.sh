# What pulse-gen bitrix builds in, checked through pulse-extract bitrix
# with jq: every page reads without a bad record, the counts are the facts
# file's (317 leads without a UTM source: 220 with the ad id alone, 97
# with a URL; 45 without stage history; the hot lead 24 days in its
# stage), the CSV export says what the REST pages say, the pages come
# compact, pretty-printed and PHP-escaped, and the records fit the schemas.
pulse-gen bitrix --deals d.json --history h.json --deal-history dh.json --csv l.csv \
	--users u.json --statuses s.json --categories c.json --facts f.json >l.json
pulse-extract bitrix --users u.json --statuses s.json --categories c.json \
	--loss-field UF_CRM_LOSS_REASON l.json d.json h.json dh.json >all.ndjson
jq -c '{leads, deals, lead_history_rows, deal_history_rows, no_history, utm_map, utm_url, hot_lead, hot_since}' f.json
echo '# counted from the records'
jq -s -c '
  (map(select(.kind == "lead"))) as $l |
  (map(select(.kind == "stage" and .entity == "lead")) | map(.id) | unique) as $with |
  {leads: ($l | length),
   deals: (map(select(.kind == "deal")) | length),
   lead_history_rows: (map(select(.kind == "stage" and .entity == "lead")) | length),
   deal_history_rows: (map(select(.kind == "stage" and .entity == "deal")) | length),
   no_history: ($l | map(select(.id as $i | $with | index($i) | not)) | length),
   no_utm_source: ($l | map(select(.utm_source == null and (.source | test("AVITO|YANDEX|VK")))) | length),
   utm_map: ($l | map(select(.utm_source == null and .utm_content != null)) | length),
   utm_url: ($l | map(select(.utm_source == null and .utm_content == null and
       ([.source_description, .web, .comments] | map(. // "") | join(" ") | test("utm_source="))) ) | length)}' all.ndjson
echo '# the hot lead: in its stage since the facts say, 24 days before the export'
hot=$(jq -r .hot_lead f.json)
jq -c --arg id "$hot" 'select(.kind == "stage" and .entity == "lead" and .id == $id) | [.stage, .ts]' all.ndjson | tail -n 1
jq -r --arg id "$hot" 'select(.kind == "lead" and .id == $id) | [.status, .semantic, .utm_source != null] | @tsv' all.ndjson
jq -r '((.hot_since | sub("\\+03:00$"; "Z") | fromdate) - 10800) as $t |
	(("2026-01-21T15:00:00Z" | fromdate) - $t) / 86400 | floor' f.json
echo '# managers: the facts, then the records'
jq -c .leads_by_manager f.json
jq -s -c 'map(select(.kind == "lead")) | group_by(.manager) | map({(.[0].manager): length}) | add' all.ndjson
echo '# won deals and their exact sum (kopecks, no floats)'
jq -c '[.won, .won_amount]' f.json
jq -r 'select(.kind == "deal" and .semantic == "S") | .amount' all.ndjson |
	awk -F. '{ k += $1 * 100 + $2; n++ } END { printf "[%d,\"%d.%02d\"]\n", n, k / 100, k % 100 }'
echo '# the CSV export (Windows-1251) says what the REST pages say'
P='[.id, .title, .status, .semantic, .source, .manager, .created, .modified, .closed,
    .amount, .currency, .utm_source, .utm_medium, .utm_campaign, .utm_content,
    .loss_reason, .comments] | map(if type == "string" then sub(" +$"; "") else . end)'
jq -c "select(.kind == \"lead\") | $P" all.ndjson >rest
echo '# the CSV export' >&2
pulse-extract bitrix --users u.json --statuses s.json --tz +03:00 l.csv | jq -c "select(.kind == \"lead\") | $P" >csv
cmp rest csv && echo 'same leads'
iconv -f UTF-8 -t UTF-8 l.csv >/dev/null 2>&1 || echo 'l.csv is not UTF-8'
head -n 1 l.csv | iconv -f CP1251 -t UTF-8 | cut -d';' -f1-4
echo '# page styles'
grep -c '^    "result": \[' l.json
grep -c '\\u04' l.json
grep -c '^{"result":{"items":\[' h.json
echo '# schemas'
PY=python3
[ -x /usr/bin/python3 ] && PY=/usr/bin/python3
$PY "$ROOT/tests/schemas/validate.py" "$ROOT/schemas" all.ndjson
