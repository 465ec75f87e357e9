# The same records in a second shape (tests/tools/reshape: members in the
# reverse order, ": " and ", ", the times as naive UTC with a space, the
# integer user ids as UUID-shaped strings, the strings \u-escaped): the
# same counts by a decoded string, by a time function, and the same number
# of distinct users.
d=$ROOT/tests/e2e/metrics
"$B/tests/tools/reshape" <"$d/events.ndjson" >pg.ndjson
head -n 1 pg.ndjson
for by in event 'day(ts)' 'week(ts),event'; do
	pulse-tally --by "$by" "$d/events.ndjson" >gen.out
	pulse-tally --by "$by" pg.ndjson >pg.out
	cmp gen.out pg.out && echo "--by $by: same $(wc -l <pg.out) counts"
done
echo "users: $(pulse-tally -b user_id "$d/events.ndjson" | wc -l) and $(pulse-tally -b user_id pg.ndjson | wc -l)"
