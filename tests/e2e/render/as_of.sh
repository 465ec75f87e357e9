# --as-of overrides the tickets' as_of: the header and "today" / "yesterday"
# / "N days ago" of the recent answers count from it; --title
T=$ROOT/tests/e2e/render/tickets.ndjson
pulse-render --as-of 2026-01-22T07:30:00+02:00 --title 'Support, week 4' "$T" |
	sed -n '1,4p;/^| ID | Last answer/,/^$/p'
echo "-- no as_of in the records and no --as-of: dates instead"
grep -v 1001 "$T" | sed 's/"as_of":"[^"]*",//' | pulse-render --lang ru |
	sed -n '3p;/^| ID | Последний ответ/,/^$/p'
