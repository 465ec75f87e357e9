# pulse-extract odoo --fetch --state: a second run takes only the
# messages after the bookmark (with the tickets they name), a run with
# nothing new writes nothing; the two runs give the records of one
. "$ROOT/tests/fake/env.sh"
odoo_samples d
odoo_files d > all.ndjson 2>/dev/null
# the first run sees the messages up to 1480050 only
python3 - <<'PY'
import json
m = json.load(open("d/messages.json"))
json.dump([x for x in m if x["id"] <= 1480050], open("d1.json", "w"),
          ensure_ascii=False)
PY
mkdir -p d1 && cp d/tickets.json d/users.json d1/ && mv d1.json d1/messages.json
odoo_start d1
pulse-extract odoo --fetch --rate 1000 --limit 20 --state st 2>/dev/null > run1.ndjson
cat st
odoo_start d
pulse-extract odoo --fetch --rate 1000 --limit 20 --state st 2>/dev/null > run2.ndjson
cat st
grep -m1 '^json2 mail.message' fake.log | cut -c1-100
cat run1.ndjson run2.ndjson | cmp - all.ndjson && echo "two runs = one"
pulse-extract odoo --fetch --rate 1000 --state st 2>/dev/null | wc -l
echo '{"source":"bitrix","lead":null}' > bad
pulse-extract odoo --fetch --rate 1000 --state bad 2>&1 || echo "exit $?"
