# pulse-extract odoo --fetch --state, killed (SIGKILL) in the middle of a
# fetch: no output file, the bookmark unmoved; the next run gives what one
# run without the kill gives (the new messages, and the older ones of a
# ticket changed without a message), so nothing is lost and nothing
# repeated
. "$ROOT/tests/fake/env.sh"
odoo_samples d
python3 - <<'PY'
import json, os
m = json.load(open("d/messages.json"))
t = json.load(open("d/tickets.json"))
os.makedirs("d1", exist_ok=True)
os.makedirs("d2", exist_ok=True)
json.dump([x for x in m if x["id"] <= 1480050], open("d1/messages.json", "w"),
          ensure_ascii=False)
json.dump(t, open("d1/tickets.json", "w"), ensure_ascii=False)
json.dump(m, open("d2/messages.json", "w"), ensure_ascii=False)
for x in t:
    if x["id"] == 230002:
        x["priority"] = "3"
        x["write_date"] = "2026-01-22 08:00:00"
json.dump(t, open("d2/tickets.json", "w"), ensure_ascii=False)
PY
cp d/users.json d1/ && cp d/users.json d2/
odoo_start d1
pulse-extract odoo --fetch --rate 1000 --limit 10 --state st -o run1.ndjson 2>/dev/null
cp st st.before
cp st st.ref
odoo_start d2
pulse-extract odoo --fetch --rate 1000 --limit 10 --state st.ref -o ref.ndjson 2>/dev/null
wc -l < ref.ndjson
odoo_start d2 --delay 0.1
pulse-extract odoo --fetch --rate 1000 --limit 10 --state st -o run2.ndjson 2>/dev/null &
pid=$!
for i in $(seq 100); do
	[ "$(grep -c '^json2 mail.message' fake.log)" -ge 2 ] && break
	sleep 0.05
done
kill -KILL $pid
wait $pid || echo "killed: exit $?"
test -e run2.ndjson || echo "no output file"
cmp st st.before && echo "bookmark unmoved"
odoo_start d2
pulse-extract odoo --fetch --rate 1000 --limit 10 --state st -o run2.ndjson 2>/dev/null
cmp run2.ndjson ref.ndjson && echo "the run after gives what one run gives"
cmp st st.ref && echo "the same bookmark"
# SIGKILL cannot be caught: the output's temporary file stays behind
ls -A | grep -v '^d[12]\?$' | sed 's/^\(\.run2\.ndjson\.\).*/\1XXXXXX/' | tr '\n' ' '
echo
