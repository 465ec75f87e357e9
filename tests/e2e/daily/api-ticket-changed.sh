# pulse-daily tickets --source api: a ticket whose priority and stage
# change without a message between two runs: the second run extracts its
# messages again with the new fields, and the report of the archive (the
# last version of each message) carries them
. "$ROOT/tests/fake/env.sh"
odoo_samples d
odoo_start d
run() {
	pulse-daily tickets --state-dir st --lang en --as-of 2026-01-22T18:00:00Z -- --limit 20 --rate 1000 2>>err
}
run
jq -c 'select(.ticket_id == 230003) | [.ticket_id, .ticket_priority, .stage]' st/tickets/published/latest/tickets.ndjson
mkdir -p d2 && cp d/messages.json d/users.json d2/
python3 - <<'PY'
import json
t = json.load(open("d/tickets.json"))
for x in t:
    if x["id"] == 230003:
        x["priority"] = "3"
        x["stage_id"] = [3, "Waiting"]
        x["write_date"] = "2026-01-22 08:00:00"
json.dump(t, open("d2/tickets.json", "w"), ensure_ascii=False)
PY
odoo_start d2
run
jq -c '{records, new}' st/tickets/published/latest/run.json
jq -c 'select(.ticket_id == 230003) | [.ticket_id, .ticket_priority, .stage]' st/tickets/published/latest/tickets.ndjson
zstd -dc st/tickets/archive/*.zst | jq -c 'select(.ticket_id == 230003) | .ticket_priority' | uniq -c
jq -c .tickets st/tickets/bookmark
