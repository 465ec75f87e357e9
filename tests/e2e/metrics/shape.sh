# The same events in a second shape (tests/tools/reshape: members in the
# reverse order, ": " and ", ", the times as naive UTC with a space, the
# integer user ids as UUID-shaped strings, the names \u-escaped): the same
# daily metrics.
d=$ROOT/tests/e2e/metrics
"$B/tests/tools/reshape" <"$d/events.ndjson" >pg.ndjson
head -n 2 pg.ndjson
pulse-metrics --defs "$d/defs.json" "$d/events.ndjson" >gen.out
pulse-metrics --defs "$d/defs.json" pg.ndjson >pg.out
cmp gen.out pg.out && echo "same metrics: $(wc -l <pg.out) records"
