# pulse-extract odoo --fetch --state: a bookmark whose tickets' write_date
# is not "YYYY-MM-DD HH:MM:SS" (an offset, a T, a date alone, a number,
# out of pattern), whose ids are negative or strings of letters, is exit 65
# naming it, before any request (never taken for a first run); a server
# answering a write_date that is not one (the latest, or a page's) is 76,
# the bookmark unmoved
export PULSE_ODOO_URL=http://127.0.0.1:9 PULSE_ODOO_KEY=K3ySecret0doo
good='{"source":"odoo","messages":{"id":1480747},"tickets":{"write_date":"2026-01-22 08:00:00","id":230003}}'
echo "$good" | sed 's/08:00:00/08:00:00+03:00/' > offset
echo "$good" | sed 's/2026-01-22 08/2026-01-22T08/' > tee
echo "$good" | sed 's/ 08:00:00//' > dateonly
echo "$good" | sed 's/"2026-01-22 08:00:00"/1769068800/' > number
echo "$good" | sed 's/2026-01-22/2026-1-222/' > pattern
echo "$good" | sed 's/"id":230003/"id":-4/' > negative
echo "$good" | sed 's/"id":230003/"id":"abc"/' > letters
echo "$good" | sed 's/"tickets":{.*}}/"tickets":[]}/' > array
echo "$good" | sed 's/"id":1480747/"id":-1/' > msgneg
for f in offset tee dateonly number pattern negative letters array msgneg; do
	echo "# $f"
	pulse-extract odoo --fetch --rate 1000 --state $f || echo "exit $?"
done
. "$ROOT/tests/fake/env.sh"
odoo_samples d
sed -i 's/"write_date":"2025-12-23 06:41:41"/"write_date":"23.12.2025 06:41"/' d/tickets.json
odoo_start d
echo "$good" > st
pulse-extract odoo --fetch --rate 1000 --state st --limit 50 2>&1 >/dev/null | grep -v "tickets:"; echo "exit ${PIPESTATUS[0]}"
cmp st <(echo "$good") && echo "bookmark unmoved"
# a ticket of a page whose write_date is not one (the latest is): 76
odoo_samples e
sed -i 's/"write_date":"2025-12-23 06:41:41"/"write_date":"1999-1-1"/' e/tickets.json
odoo_start e
pulse-extract odoo --fetch --rate 1000 --state st2 --limit 50 2>&1 >/dev/null | grep -v "tickets:"; echo "exit ${PIPESTATUS[0]}"
test -e st2 || echo "no bookmark written"
