# count and histogram records (pulse-tally's) become extra tables at the
# end, one table per "by", rows in input order; other kinds are ignored
# and counted in one line on stderr; histograms come after the tables
T=$ROOT/tests/e2e/render/tickets.ndjson
{
	cat "$T"
	echo '{"kind":"message","ticket_id":1,"text":"hello"}'
	pulse-tally --by 'week(created)' "$T"
	pulse-tally --by 'state,priority' --sum days_waiting "$T"
	echo '{"kind":"lead","id":7}'
	pulse-tally --by state --hist first_response_hours --edges 0,4,24 "$T"
} | pulse-render 2> err | sed -n '/^## Tallies/,$p'
cat err
