# pulse-extract bitrix --fetch --names: the 'name' records of the stages,
# sources and deal pipelines (crm.category.list) first, byte for byte those
# the same pages saved as files give with --statuses and --categories;
# without --names none, as from files
. "$ROOT/tests/fake/env.sh"
bitrix_data d 120 2>/dev/null
bitrix_start d
# the portal's crm.category.list answer, saved as a file
python3 - <<'PY'
import json, os, urllib.request
url = os.environ["PULSE_BITRIX_WEBHOOK"] + "crm.category.list"
rq = urllib.request.Request(url, data=b'{"entityTypeId":2}',
                            headers={"Content-Type": "application/json"})
with urllib.request.urlopen(rq) as r:
    open("d/categories.json", "wb").write(r.read())
PY
pulse-extract bitrix --fetch --rate 1000 --names -o fetched.ndjson
bitrix_files d --categories d/categories.json > files.ndjson
cmp fetched.ndjson files.ndjson && echo identical
grep '"kind":"name"' fetched.ndjson | jq -r .of | uniq -c | sed 's/^ *//'
grep '"of":"category"' fetched.ndjson
pulse-extract bitrix --fetch --rate 1000 | grep -c '"kind":"name"' || true
pulse-extract bitrix --fetch --categories d/categories.json 2>&1 | head -1
