# pulse-ticket-report runs extract | classify | render on an Odoo export
# (the extract tests' small one); --tally appends tables; -o writes a file
D=$ROOT/tests/e2e/extract/data
pulse-ticket-report --as-of 2026-01-21T18:00:00Z --tickets "$D/tickets-enterprise.json" \
	--staff-users "$D/users.json" "$D/messages.json" 2>/dev/null > en.md
sed -n '1,4p' en.md
grep -E '^\| \*\*(Tickets|Open|Closed)' en.md
echo "-- ru, a tally, -o"
pulse-ticket-report --lang ru --as-of 2026-01-21T18:00:00Z --tally 'week(created)' \
	-o ru.md "$D/messages.ndjson" 2>/dev/null
sed -n '1,4p' ru.md
sed -n '/^### week(created)/,/^| 20/p' ru.md
