# pulse-daily tickets --source files: each run's messages kept as a chunk of
# the archive, the report over the last version of each message published
# into OUT/STAMP with OUT/latest naming it; a message extracted again (its
# ticket's stage moved on) counts once, in its last version; --dry-run
# publishes and keeps nothing; --keep-days compacts the old chunks; a
# failed extract keeps nothing; one run at a time
S=$SAMPLES
run() {
	pulse-daily tickets --state-dir st --lang en --as-of 2026-01-21T18:00:00Z "$@"
}
stamps() {
	sed -E 's/[0-9]{8}T[0-9]{6}Z(-[0-9]+)?/STAMP/g'
}
show() {
	echo "-- $1"
	echo "$(ls st/tickets/archive | wc -l) chunks, $(ls -d st/tickets/published/2* | wc -l) publications, latest: $(readlink st/tickets/published/latest | stamps)"
	ls st/tickets/published/latest/
	jq -c '{job, as_of, records, new, dry_run}' st/tickets/published/latest/run.json
	jq -r '"\(.ticket_id) \(.n_messages) \(.stage)"' st/tickets/published/latest/tickets.ndjson |
		sort | md5sum | cut -c1-8
}
run --source files -- --tickets "$S/odoo-small-tickets.json" "$S/odoo-small.json"
show "first run"
head -n 4 st/tickets/published/latest/report.md

# the same export again, its first ticket now Closed: every message of it
# is extracted again and its last version wins
jq '(.[] | select(.id == 230001) | .stage_id) = [5, "Closed"]' "$S/odoo-small-tickets.json" > moved.json
sleep 1
run --source files -- --tickets moved.json "$S/odoo-small.json"
show "the same messages again, one ticket moved on"
jq -r 'select(.ticket_id == 230001) | "230001: \(.n_messages) messages, \(.stage)"' \
	st/tickets/published/latest/tickets.ndjson

echo "-- --dry-run: published, nothing kept"
sleep 1
run --source files --dry-run -- --tickets moved.json "$S/odoo-small.json"
ls st/tickets/archive | wc -l
jq -c '{new, dry_run}' st/tickets/published/latest/run.json

echo "-- --keep-days 30: the chunks kept before are one"
for f in st/tickets/archive/*.zst; do
	n=${f##*/}
	mv "$f" "st/tickets/archive/2020${n#????}"
done
ls st/tickets/archive | stamps
sleep 1
run --keep-days 30 --source files -- --tickets moved.json "$S/odoo-small.json"
ls st/tickets/archive | stamps
zstd -dc st/tickets/archive/2020*.zst | wc -l
show "after compaction"

echo "-- a bad export: exit 65, nothing kept"
printf '[{"id": 1, "model": "helpdesk.ticket", "res_id": 2, "date": "2026-13-45 99:00:00"}]' > bad.json
set +e
run --source files -- bad.json 2>err
echo "exit $?"
set -e
ls st/tickets/archive | wc -l
sed -n '$p' err

echo "-- one run at a time"
exec 8> st/tickets/lock
flock 8
set +e
run --source files -- "$S/odoo-small.json" 2>err
echo "exit $?"
cat err
exec 8>&-
echo "-- usage"
for a in "--source ftp" "--keep-days 0" "--lang de" "--source files" "--map x.csv" \
	"--full --source files -- x.json" "--as-of yesterday-ish" "-- --key secret" "--bogus"; do
	eval "run $a" 2>err
	echo "exit $? ($a): $(head -n 1 err)"
done
pulse-daily nightly 2>&1 | head -n 1
pulse-daily --help | head -n 2
pulse-daily tickets --help | head -n 1
