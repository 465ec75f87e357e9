# pulse-daily tickets and leads --source api: fetched from the fake Odoo and
# the fake Bitrix24 portal, the bookmark moved only after the whole run; a
# second run fetches nothing new (but the leads' names of stages, sources
# and pipelines, written each run: a renamed one is the last version);
# a fetch that fails (a refused key, a
# server error past the retries) is its exit status, keeps nothing and
# leaves the bookmark; no secret on a command line or in what is printed
. "$ROOT/tests/fake/env.sh"
odoo_samples odoo
fake_run odoo --data odoo
export PULSE_ODOO_URL=$FAKE_URL PULSE_ODOO_DB=pulse PULSE_ODOO_LOGIN=api@example.com \
	PULSE_ODOO_KEY=$FAKE_ODOO_KEY
run() {
	pulse-daily "$1" --state-dir st --lang en "${@:2}" 2>>err
}
run tickets --as-of 2026-01-21T18:00:00Z -- --limit 20
echo "tickets: exit $?"
jq -c '{records, new}' st/tickets/published/latest/run.json
pulse-extract odoo --tickets odoo/tickets.json --staff-users odoo/users.json odoo/messages.json 2>/dev/null |
	cmp - <(zstd -dc st/tickets/archive/*.zst) && echo "the same records as the export path"
cp st/tickets/bookmark bookmark.1
run tickets --as-of 2026-01-21T18:00:00Z -- --limit 20
jq -c '{records, new}' st/tickets/published/latest/run.json
ls st/tickets/archive | wc -l
echo "-- a refused key: exit 77, nothing kept, the bookmark where it was"
set +e
PULSE_ODOO_KEY=wrong run tickets -- --limit 20
echo "exit $?"
set -e
ls st/tickets/archive | wc -l
cmp st/tickets/bookmark bookmark.1 && echo "bookmark unmoved"
fake_stop

bitrix_data portal 60 >/dev/null 2>&1
fake_run bitrix --data portal
export PULSE_BITRIX_WEBHOOK=$FAKE_URL/rest/1/$FAKE_BITRIX_SECRET/
run leads --as-of 2026-01-21T18:00:00+03:00 -- --rate 100
echo "leads: exit $?"
jq -c '{records, new}' st/leads/published/latest/run.json
cp st/leads/bookmark bookmark.2
run leads --as-of 2026-01-21T18:00:00+03:00 -- --rate 100
jq -c '{new}' st/leads/published/latest/run.json
echo "-- a server error past the retries: nothing kept, the bookmark where it was"
fake_run bitrix --data portal --fault '*:1+:500'
set +e
run leads -- --rate 100 --retries 1
echo "exit $?"
set -e
ls st/leads/archive | wc -l
cmp st/leads/bookmark bookmark.2 && echo "bookmark unmoved"
echo "-- the secrets"
grep -c -e "$FAKE_ODOO_KEY" -e "$FAKE_BITRIX_SECRET" err st/*/published/latest/* || true
