# pulse-daily tickets and leads: a chunk of the archive that is not zstd
# (garbage), a truncated one, and one that holds a line that is not a
# record are exit 65 naming the file; nothing is published
S=$SAMPLES
mkdir -p st/tickets/archive st/leads/archive
pulse-extract odoo --tickets "$S/odoo-small-tickets.json" "$S/odoo-small.json" 2>/dev/null |
	zstd -q > good.zst
run() {
	pulse-daily "$@" --state-dir st --lang en --as-of 2026-01-21T18:00:00Z --source files \
		-- "$S/odoo-small.json" 2>err
	echo "exit $?"
	sed "s|$PWD/||" err
}
set +e
printf 'not zstd at all\n' > st/tickets/archive/20260101T000000Z-1.ndjson.zst
run tickets
head -c 200 good.zst > st/tickets/archive/20260101T000000Z-1.ndjson.zst
run tickets
printf '{"kind":"message","message_id":1}\nnot json\n' | zstd -q > st/tickets/archive/20260101T000000Z-1.ndjson.zst
run tickets
printf '\0\0\0' | zstd -q > st/leads/archive/20260101T000000Z-1.ndjson.zst
pulse-daily leads --state-dir st --source files -- "$S/bitrix-small-leads.json" 2>err
echo "exit $?"
sed "s|$PWD/||" err
ls st/tickets/published st/leads/published 2>&1 | sed 's/:.*//'
